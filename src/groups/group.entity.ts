import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Quadrant } from '../common/domain';

/** proposed: made by the formation and replaced when it runs again; confirmed and locked groups are kept. */
export const GROUP_STATUSES = ['proposed', 'confirmed', 'locked'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** A mini focus group: a few respondents of one organisation and one quadrant. */
@Entity('focus_group')
export class FocusGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  organisationId: number;

  @Column({ type: 'varchar', length: 30 })
  quadrant: Quadrant;

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  status: GroupStatus;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}
