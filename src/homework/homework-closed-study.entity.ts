import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A closed study, as homework knows it: its links answer 410 and keep their answers as they are. Recorded when the
 * study closes (study-flow), so the link lookup and autosave read only homework's own tables.
 */
@Entity('homework_closed_study')
export class HomeworkClosedStudy {
  @PrimaryColumn({ type: 'integer' })
  studyId: number;

  @Column({ type: Date })
  closedAt: Date;
}
