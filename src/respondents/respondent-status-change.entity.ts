import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RespondentStatus } from '../common/domain';
import type { RespondentStatusChange as RespondentStatusChangeShape } from './respondent';

/** One step of a respondent's way through the study; the first status is the one they were screened with. */
@Entity('respondent_status_change')
export class RespondentStatusChange implements RespondentStatusChangeShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  respondentId: number;

  @Column({ type: 'varchar', length: 20 })
  fromStatus: RespondentStatus;

  @Column({ type: 'varchar', length: 20 })
  toStatus: RespondentStatus;

  @Column({ type: Date })
  changedAt: Date;
}
