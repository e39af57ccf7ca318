import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionStatus } from './action-rules';

/** One action of a study's register, held by a partner organisation. */
@Entity('action')
export class Action {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  organisationId: number;

  /** YYYY-MM-NNN, unique in the study. */
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'text' })
  omschrijving: string;

  @Column({ type: 'text' })
  analyse: string;

  @Column({ type: 'text' })
  actie: string;

  /** The next milestone, a calendar day YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  mijlpaal: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: ActionStatus;

  /** The milestone the holders were reminded of; differs from `mijlpaal` once the date is moved. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  remindedMijlpaal: string | null;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}

@Entity('action_holder')
export class ActionHolder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  actionId: number;

  @Column({ type: 'integer' })
  userId: number;
}

export type EvidenceKind = 'code' | 'quadrant' | 'quote';

/** What the analysis rests on: a code of the codebook, a quadrant, or (later) a shareable quote. */
@Entity('action_evidence')
export class ActionEvidence {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  actionId: number;

  @Column({ type: 'varchar', length: 10 })
  kind: EvidenceKind;

  @Column({ type: 'integer', nullable: true })
  codebookCodeId: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  quadrant: string | null;

  @Column({ type: 'integer', nullable: true })
  codingId: number | null;
}

@Entity('action_status_change')
export class ActionStatusChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  actionId: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: ActionStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: ActionStatus;

  @Column({ type: 'integer', nullable: true })
  changedById: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  changedByEmail: string | null;

  @Column({ type: Date })
  changedAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('action_measurement')
export class ActionMeasurement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  actionId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @Column({ type: Date })
  createdAt: Date;
}

@Entity('action_variant')
export class ActionVariant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  measurementId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer' })
  reached: number;

  @Column({ type: 'integer' })
  contacts: number;

  @Column({ type: 'boolean', default: false })
  isReference: boolean;

  @Column({ type: 'integer' })
  position: number;
}
