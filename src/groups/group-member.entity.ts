import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MEMBER_ROLES = ['member', 'reserve'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * A respondent's place in a group. Unique per (study, respondent): nobody is in two groups, as member or reserve.
 * Members get respondent status 'grouped'; reserves keep 'eligible' (this row with role 'reserve' is their
 * marker), so they still count as available in the pool and overviews until they are promoted.
 */
@Entity('group_member')
export class GroupMember {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  groupId: number;

  @Column({ type: 'integer' })
  respondentId: number;

  @Column({ type: 'varchar', length: 10 })
  role: MemberRole;

  /** Order within the role: service order at formation, then in order of arrival. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
