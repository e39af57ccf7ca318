import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { RespondentLifecycleService } from '../respondents/respondent-lifecycle.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import type { MembershipRecord } from './group-query.service';
import { GroupRepository } from './group.repository';

/** A reserve who could take a freed place, and how many reserves the group had to choose from. */
export interface ReserveChoice {
  reserve: MembershipRecord | null;
  reserves: number;
}

/**
 * Changes of a group's places that follow from what happens to its session (a decline, coordinated from above
 * scheduling): someone who declined leaves, a reserve takes the freed place. Joins the caller's transaction, in which
 * the caller has locked the group (GroupQueryService.lockGroup), so two declines never hand out one reserve twice.
 */
@Injectable()
export class GroupPlacesService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly respondentQuery: RespondentQueryService,
    private readonly lifecycle: RespondentLifecycleService,
  ) {}

  /** A respondent who declined the session leaves the group, so its size and the one-group rule stay true. */
  @Transactional()
  async leave(groupId: number, respondentId: number): Promise<void> {
    await this.groups.removeFromGroup(groupId, respondentId);
  }

  /** The group's first reserve (in their order) who is not erased and can make the slot, if any. */
  async firstReserveFor(groupId: number, slotId: number): Promise<ReserveChoice> {
    const reserves = (await this.groups.membershipsOfGroups([groupId]))
      .filter((m) => m.role === 'reserve')
      .sort((a, b) => a.position - b.position || a.id - b.id);
    const people = new Map(
      (await this.respondentQuery.byIds(reserves.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    const reserve = reserves.find((m) => {
      const r = people.get(m.respondentId);
      return r && !r.erasedAt && r.status !== 'erased' && (r.availability === null || r.availability.includes(slotId));
    });
    return { reserve: reserve ?? null, reserves: reserves.length };
  }

  /** The reserve's place becomes a member's place in the same group, after the members there are. */
  @Transactional()
  async moveReserveIn(reserve: MembershipRecord): Promise<void> {
    const members = (await this.groups.membershipsOfGroups([reserve.groupId])).filter((m) => m.role === 'member');
    const position = Math.max(0, ...members.map((m) => m.position + 1));
    await this.groups.placeMembership(reserve.id, { groupId: reserve.groupId, role: 'member', position });
    // Reserves keep status eligible (their group_member row marks them); as a member they are grouped.
    await this.lifecycle.move([reserve.respondentId], 'grouped', 'placed-in-group');
  }
}
