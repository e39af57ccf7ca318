import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DigitalComfort, Education, Gender, Quadrant, RespondentStatus } from '../common/domain';
import type { QuadrantSource, Respondent as RespondentShape, RespondentSource } from './respondent';

export type { QuadrantSource, RespondentSource } from './respondent';

@Entity('respondent')
export class Respondent implements RespondentShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  /** null when the respondent had contact with none of the study's organisations (then ineligible). */
  @Column({ type: 'integer', nullable: true })
  organisationId: number | null;

  // Personal data: cleared on erasure, never in overviews.
  @Column({ type: 'varchar', length: 200, nullable: true })
  firstName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPreference: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  gender: Gender | null;

  /** As given: "47" or "45-54". */
  @Column({ type: 'varchar', length: 20, nullable: true })
  age: string | null;

  @Column({ type: 'integer', nullable: true })
  ageMin: number | null;

  @Column({ type: 'integer', nullable: true })
  ageMax: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  education: Education | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  digitalComfort: DigitalComfort | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  quadrant: Quadrant | null;

  /** Slot ids the respondent can attend; null = unknown (imported), counts as every slot. */
  @Column({ type: 'simple-json', nullable: true })
  availability: number[] | null;

  @Column({ type: 'varchar', length: 20 })
  status: RespondentStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;

  @Column({ type: 'varchar', length: 20 })
  source: RespondentSource;

  @Column({ type: 'varchar', length: 40, nullable: true })
  consentVersion: string | null;

  @Column({ type: Date, nullable: true })
  consentedAt: Date | null;

  @Column({ type: Date })
  screenedAt: Date;

  @Column({ type: Date, nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  quadrantSource: QuadrantSource | null;

  /** E-mail of the researcher who overrode the quadrant. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  quadrantOverriddenBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  quadrantOverrideReason: string | null;

  @Column({ type: Date, nullable: true })
  quadrantOverriddenAt: Date | null;

  /** Set when the same e-mail address already signed up for this study: flagged, not counted twice. */
  @Column({ type: 'integer', nullable: true })
  duplicateOfId: number | null;
}
