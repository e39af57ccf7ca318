import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../common/domain';
import type { Study as StudyShape, StudyStatus } from './study';

export { STUDY_STATUSES, type StudyStatus } from './study';

@Entity('study')
export class Study implements StudyShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 5, default: 'nl' })
  locale: Locale;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: StudyStatus;

  @Column({ type: 'integer', default: 3 })
  groupTargetSize: number;

  @Column({ type: 'integer', default: 2 })
  groupMinSize: number;

  @Column({ type: 'integer', default: 4 })
  groupMaxSize: number;

  @Column({ type: 'integer', default: 1 })
  groupsPerQuadrant: number;

  @Column({ type: 'integer', default: 1 })
  reservesPerGroup: number;

  @Column({ type: 'integer', default: 7 })
  homeworkLeadDays: number;

  @Column({ type: 'integer', default: 120 })
  sessionMinutes: number;

  /** k: partners' journey counts from 1 to k − 1 are hidden. */
  @Column({ type: 'integer', default: 5 })
  partnerMinCount: number;

  /** Printed on letters and the paper homework. */
  @Column({ type: 'varchar', length: 500, default: '' })
  returnAddress: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  helpPhone: string;

  /** Who stands behind the study, shown to respondents on every page, letter and e-mail. */
  @Column({ type: 'varchar', length: 200, default: '' })
  researchOrganisation: string;

  /** The research organisation's privacy statement (http or https). */
  @Column({ type: 'varchar', length: 500, default: '' })
  privacyUrl: string;

  @Column({ type: 'varchar', length: 254, default: '' })
  helpEmail: string;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: Date })
  createdAt: Date;
}
