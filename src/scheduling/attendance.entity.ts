import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RespondentStatus } from '../common/domain';

/** Whether a member came to their group's session. Present made them a participant; absent is a no-show. */
@Entity('attendance')
export class Attendance {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  sessionId: number;

  @Column({ type: 'integer' })
  respondentId: number;

  @Column({ type: 'boolean', default: false })
  present: boolean;

  /** Their status before the first mark: what a correction from present to absent gives back. */
  @Column({ type: 'varchar', length: 20 })
  statusBefore: RespondentStatus;

  /** E-mail of whoever marked it last (lead, note-taker or researcher); null from the command line. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  markedBy: string | null;

  @Column({ type: Date })
  markedAt: Date;
}
