import { Injectable } from '@nestjs/common';
import { Propagation, Transactional } from '@nestjs-cls/transactional';
import type { FocusGroup } from './group.entity';
import type { GroupMember } from './group-member.entity';
import { GroupRepository, GroupWithMembers } from './group.repository';

export type { GroupStatus } from './group.entity';
export type { MemberRole } from './group-member.entity';
/** A group as the modules above groups read it. */
export type GroupRecord = Readonly<FocusGroup>;
/** A respondent's place in a group (member or reserve, and their order within the role). */
export type MembershipRecord = Readonly<GroupMember>;
export type GroupWithMemberships = GroupWithMembers;

/** The groups module's reads for the modules above it; every change goes through the groups module's services. */
@Injectable()
export class GroupQueryService {
  constructor(private readonly groups: GroupRepository) {}

  findGroup(id: number): Promise<GroupRecord | null> {
    return this.groups.findGroup(id);
  }

  /** The group if it belongs to the study, else null (a group id from a URL is checked against its study). */
  async findGroupOfStudy(studyId: number, id: number): Promise<GroupRecord | null> {
    const group = await this.groups.findGroup(id);
    return group?.studyId === studyId ? group : null;
  }

  /** The study's groups in id order, each with its memberships in order of position. */
  groupsOfStudy(studyId: number): Promise<GroupWithMemberships[]> {
    return this.groups.groupsOfStudy(studyId);
  }

  /** The memberships of these groups, in order of position. */
  membershipsOfGroups(groupIds: number[]): Promise<MembershipRecord[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.groups.membershipsOfGroups(groupIds);
  }

  /** The members proper (not reserves) of these groups, in order of position. */
  async membersOfGroups(groupIds: number[]): Promise<MembershipRecord[]> {
    return (await this.membershipsOfGroups(groupIds)).filter((m) => m.role === 'member');
  }

  /** The respondent's place in a group of the study (nobody is in two), or null. */
  membershipOf(studyId: number, respondentId: number): Promise<MembershipRecord | null> {
    return this.groups.membershipOf(studyId, respondentId);
  }

  /** The places of these respondents, in whatever group. */
  membershipsOfRespondents(respondentIds: number[]): Promise<MembershipRecord[]> {
    return this.groups.membershipsOfRespondents(respondentIds);
  }

  /**
   * The group, locked for the rest of the caller's transaction (PostgreSQL): a change of its members (a decline
   * that promotes a reserve) and a change of its session never interleave.
   */
  @Transactional(Propagation.Mandatory)
  async lockGroup(id: number): Promise<GroupRecord | null> {
    return (await this.groups.lockGroups([id])).get(id) ?? null;
  }
}
