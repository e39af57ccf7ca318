import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxStatus } from './outbox-policy';

export interface OutboxAttachment {
  filename: string;
  /** e.g. "text/calendar; method=REQUEST" for an invitation */
  contentType: string;
  /** base64 */
  content: string;
}

/** One e-mail, written in the transaction of the change that causes it and sent later by the outbox worker. */
@Entity('outbox_message')
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  /** Says what the message is for, e.g. "invite:group:12:respondent:34:seq:1"; enqueueing it again is a no-op. */
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ type: 'integer', nullable: true })
  studyId: number | null;

  /** e.g. "invitation", "homework", "notice" */
  @Column({ type: 'varchar', length: 50 })
  kind: string;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text', nullable: true })
  htmlBody: string | null;

  @Column({ type: 'simple-json', nullable: true })
  attachments: OutboxAttachment[] | null;

  /** Fixed at enqueue, so every attempt carries the same RFC 5322 identity. */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  @Column({ type: 'varchar', length: 20 })
  status: OutboxStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: Date })
  nextAttemptAt: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  @Column({ type: Date, nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: Date, nullable: true })
  sentAt: Date | null;

  @Column({ type: Date })
  createdAt: Date;
}
