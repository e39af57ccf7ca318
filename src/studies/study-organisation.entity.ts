import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import type { StudyOrganisation as StudyOrganisationShape } from './study';

/** An organisation as partner of one study, with the contact person named in that study's letters. */
@Entity('study_organisation')
export class StudyOrganisation implements StudyOrganisationShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  organisationId: number;

  @ManyToOne(() => Organisation, { eager: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Organisation;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
