import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { GroupRepository } from './group.repository';

/**
 * Changes of a group's places that follow from what happens to its session (scheduling, which lies above groups,
 * asks for them): someone who declined leaves, a reserve takes the freed place. Joins the caller's transaction.
 */
@Injectable()
export class GroupPlacesService {
  constructor(private readonly groups: GroupRepository) {}

  /** A respondent who declined the session leaves the group, so its size and the one-group rule stay true. */
  @Transactional()
  async leave(groupId: number, respondentId: number): Promise<void> {
    await this.groups.removeFromGroup(groupId, respondentId);
  }

  /** The reserve's place becomes a member's place in the same group, after the members there are. */
  @Transactional()
  async promoteReserve(membershipId: number, groupId: number, position: number): Promise<void> {
    await this.groups.placeMembership(membershipId, { groupId, role: 'member', position });
  }
}
