import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const INVITATION_STATUSES = ['sent', 'confirmed', 'declined', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** One respondent's invitation to one session. The confirm/decline link carries a token; only its hash is stored. */
@Entity('invitation')
export class Invitation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  sessionId: number;

  @Column({ type: 'integer' })
  respondentId: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 20, default: 'sent' })
  status: InvitationStatus;

  /** SEQUENCE of the latest calendar file this respondent received. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ type: Date })
  sentAt: Date;

  @Column({ type: Date, nullable: true })
  respondedAt: Date | null;
}
