import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * A group's conversation: slot, lead and note-taker (user ids). startsAt/endsAt copy the slot's times so later steps
 * (homework deadline = startsAt − study.homeworkLeadDays) read one row. `sequence` is the iCalendar SEQUENCE of the
 * latest version sent; it rises with every reschedule and the cancellation.
 */
@Entity('scheduled_session')
export class ScheduledSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  groupId: number;

  @Column({ type: 'integer' })
  slotId: number;

  @Column({ type: 'integer' })
  leadModeratorId: number;

  @Column({ type: 'integer' })
  noteModeratorId: number;

  @Column({ type: Date })
  startsAt: Date;

  @Column({ type: Date })
  endsAt: Date;

  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: SessionStatus;

  /** When the invitations were first sent; null = not yet, so changes need no update mails. */
  @Column({ type: Date, nullable: true })
  invitedAt: Date | null;

  /** The moderators who last received an invitation, so a swap can cancel theirs. */
  @Column({ type: 'integer', nullable: true })
  invitedLeadId: number | null;

  @Column({ type: 'integer', nullable: true })
  invitedNoteId: number | null;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}
