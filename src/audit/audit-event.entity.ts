import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditRecord } from './audit-record';

/** Who did what, when. Never deleted, also not when the subject is erased. */
@Entity('audit_event')
export class AuditEvent implements AuditRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: Date })
  occurredAt: Date;

  /** null for the system or an anonymous respondent; the e-mail is copied so the log outlives the account. */
  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  /** e.g. "study.create", "respondent.quadrant_override", "overview.download" */
  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ type: 'integer', nullable: true })
  studyId: number | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  subjectType: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  subjectId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  details: Record<string, unknown> | null;
}
