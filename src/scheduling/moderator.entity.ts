import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A researcher account marked as moderator for one study, with the limits the scheduler respects. */
@Entity('moderator')
export class Moderator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  userId: number;

  /** false keeps the profile (slots, limits) but leaves the person out of new schedules. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 2 })
  maxPerDay: number;

  @Column({ type: 'integer', default: 30 })
  minRestMinutes: number;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}
