import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A study's homework settings; without a row the configured defaults apply. */
@Entity('homework_setting')
export class HomeworkSetting {
  @PrimaryColumn({ type: 'integer' })
  studyId: number;

  /** Days before the deadline the reminder goes out; null = HOMEWORK_REMINDER_DAYS. */
  @Column({ type: 'integer', nullable: true })
  reminderDays: number | null;
}
