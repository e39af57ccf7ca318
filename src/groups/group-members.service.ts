import { Injectable } from '@nestjs/common';
import { RespondentLifecycleService } from '../respondents/respondent-lifecycle.service';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Respondent } from '../respondents/respondent';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { StudyQueryService } from '../studies/study-query.service';
import { missingFacts } from './group-candidates';
import { FocusGroup } from './group.entity';
import { GroupMember, MemberRole } from './group-member.entity';
import { GroupRepository } from './group.repository';
import { breachText, groupBreaches, RuleBreach, RuleGroup } from './group-rules';
import { assertGroupsChangeable, GroupsService, GroupView } from './groups.service';

interface Place {
  groupId: number;
  role: MemberRole;
}

/** One manual change: where each respondent it touches ends up (null = out of every group). */
interface Change {
  action: string;
  moves: Map<number, Place | null>;
  details: Record<string, unknown>;
}

interface Context {
  groups: Map<number, FocusGroup>;
  memberships: GroupMember[];
}

/**
 * Manual control over groups: add, remove, move, swap, promote. Every change locks the groups it touches,
 * is checked against the same rules (one organisation and quadrant, size limits, a shared slot), refused
 * with a message that says what to do, and audited in the same transaction.
 */
@Injectable()
export class GroupMembersService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly lifecycle: RespondentLifecycleService,
    private readonly groupsService: GroupsService,
    private readonly audit: AuditService,
  ) {}

  add(groupId: number, respondentId: number, role: MemberRole, actor: AuthUser): Promise<GroupView[]> {
    return this.change([groupId], actor, async (ctx) => {
      const group = ctx.groups.get(groupId)!;
      await this.assertGroupable(group.studyId, respondentId);
      return {
        action: 'group.member_add',
        moves: new Map([[respondentId, { groupId, role }]]),
        details: { respondentId, role },
      };
    });
  }

  remove(groupId: number, respondentId: number, actor: AuthUser): Promise<GroupView[]> {
    return this.change([groupId], actor, (ctx) => {
      const current = this.membership(ctx, groupId, respondentId);
      return {
        action: 'group.member_remove',
        moves: new Map([[respondentId, null]]),
        details: { respondentId, role: current.role },
      };
    });
  }

  move(
    groupId: number,
    respondentId: number,
    to: { groupId: number; role?: MemberRole },
    actor: AuthUser,
  ): Promise<GroupView[]> {
    return this.change([groupId, to.groupId], actor, (ctx) => {
      const current = this.membership(ctx, groupId, respondentId);
      const role = to.role ?? current.role;
      if (to.groupId === groupId && role === current.role)
        throw AppError.invalid(
          'group.no_change',
          `Respondent ${respondentId} is already a ${role} of group ${groupId}.`,
          { respondentId, groupId, role },
        );
      return {
        action: 'group.member_move',
        moves: new Map([[respondentId, { groupId: to.groupId, role }]]),
        details: { respondentId, from: { groupId, role: current.role }, to: { groupId: to.groupId, role } },
      };
    });
  }

  /**
   * Exchanges the places of two respondents: in two groups, or member and reserve of one group. When the other
   * respondent is in no group yet, they take this respondent's place and this respondent leaves the group.
   */
  async swap(groupId: number, respondentId: number, otherId: number, actor: AuthUser): Promise<GroupView[]> {
    const group = await this.groups.findGroup(groupId);
    if (!group) throw AppError.notFound('group', groupId);
    const other = await this.groups.membershipOf(group.studyId, otherId);
    return this.change(other ? [groupId, other.groupId] : [groupId], actor, async (ctx) => {
      const mine = this.membership(ctx, groupId, respondentId);
      if (!other) {
        await this.assertGroupable(group.studyId, otherId);
        return {
          action: 'group.member_swap',
          moves: new Map([
            [otherId, { groupId, role: mine.role }],
            [respondentId, null],
          ]),
          details: { respondentId, otherId, groups: [groupId] },
        };
      }
      const theirs = this.membership(ctx, other.groupId, otherId);
      if (mine.groupId === theirs.groupId && mine.role === theirs.role)
        throw AppError.invalid(
          'group.same_place',
          `Respondents ${respondentId} and ${otherId} already have the same place in group ${groupId}.`,
          { respondentId, otherId, groupId },
        );
      return {
        action: 'group.member_swap',
        moves: new Map([
          [respondentId, { groupId: theirs.groupId, role: theirs.role }],
          [otherId, { groupId: mine.groupId, role: mine.role }],
        ]),
        details: { respondentId, otherId, groups: [mine.groupId, theirs.groupId] },
      };
    });
  }

  /** A reserve becomes a member; with `replaceId`, that member becomes the reserve in exchange. */
  promote(groupId: number, respondentId: number, replaceId: number | undefined, actor: AuthUser): Promise<GroupView[]> {
    return this.change([groupId], actor, (ctx) => {
      const reserve = this.membership(ctx, groupId, respondentId);
      if (reserve.role !== 'reserve')
        throw AppError.invalid(
          'group.not_reserve',
          `Respondent ${respondentId} is already a member of group ${groupId}; only a reserve can be promoted.`,
          { respondentId, groupId },
        );
      const moves = new Map<number, Place | null>([[respondentId, { groupId, role: 'member' }]]);
      if (replaceId !== undefined) {
        const replaced = this.membership(ctx, groupId, replaceId);
        if (replaced.role !== 'member')
          throw AppError.invalid(
            'group.not_member',
            `Respondent ${replaceId} is not a member of group ${groupId}, so cannot make room.`,
            { respondentId: replaceId, groupId },
          );
        moves.set(replaceId, { groupId, role: 'reserve' });
      }
      return { action: 'group.reserve_promote', moves, details: { respondentId, replaced: replaceId ?? null } };
    });
  }

  private membership(ctx: Context, groupId: number, respondentId: number): GroupMember {
    const found = ctx.memberships.find((m) => m.groupId === groupId && m.respondentId === respondentId);
    if (!found) throw AppError.notFound('group_member', `${respondentId} in group ${groupId}`);
    return found;
  }

  /** In no group, eligible and with a complete profile: then a respondent can join a group by hand. */
  private async assertGroupable(studyId: number, respondentId: number): Promise<void> {
    const respondent = await this.respondentQuery.byId(respondentId, studyId);
    if (!respondent) throw AppError.notFound('respondent', respondentId);
    const current = await this.groups.membershipOf(studyId, respondentId);
    if (current) {
      throw AppError.conflict(
        'group.respondent_in_group',
        `Respondent ${respondentId} is already in group ${current.groupId}. Move them from there instead of adding them.`,
        {
          respondentId,
          groupId: current.groupId,
        },
      );
    }
    if (respondent.status !== 'eligible' || respondent.erasedAt !== null) {
      throw AppError.invalid(
        'group.respondent_not_eligible',
        `Respondent ${respondentId} has status "${respondent.status}"; only eligible respondents can be placed in a group.`,
        { respondentId, status: respondent.status },
      );
    }
    const missing = missingFacts(respondent);
    if (missing.length)
      throw AppError.invalid(
        'group.respondent_incomplete',
        `Respondent ${respondentId} cannot be grouped yet: missing ${missing.join(', ')}.`,
        { respondentId, missing },
        { missingList: missing.join(', ') },
      );
  }

  /** Locks the groups, lets `decide` describe the change, checks the groups as they would be, then writes and audits it. */
  private async change(
    groupIds: number[],
    actor: AuthUser,
    decide: (ctx: Context) => Change | Promise<Change>,
  ): Promise<GroupView[]> {
    const ids = [...new Set(groupIds)];
    await this.applyChange(ids, actor, decide);
    return Promise.all(ids.map((id) => this.groupsService.groupView(id).catch(() => null))).then((v) =>
      v.filter((x): x is GroupView => x !== null),
    );
  }

  @Transactional()
  private async applyChange(
    ids: number[],
    actor: AuthUser,
    decide: (ctx: Context) => Change | Promise<Change>,
  ): Promise<void> {
    const groups = await this.groups.lockGroups(ids);
    for (const id of ids) if (!groups.has(id)) throw AppError.notFound('group', id);
    const studyId = groups.get(ids[0])!.studyId;
    assertGroupsChangeable((await this.studyQuery.byId(studyId))!);
    for (const g of groups.values()) {
      if (g.studyId !== studyId)
        throw AppError.invalid('group.other_study', 'Both groups must belong to the same study.');
      if (g.status === 'locked')
        throw AppError.conflict(
          'group.locked',
          `Group ${g.id} is locked. Unlock it first if this change is really needed.`,
          { groupId: g.id },
          { groupId: g.id },
        );
    }
    const ctx: Context = { groups, memberships: await this.groups.membershipsOfGroups(ids) };
    const change = await decide(ctx);
    await this.check(ctx, change, studyId);
    await this.write(ctx, change, studyId);
    await this.audit.record({
      actor,
      action: change.action,
      studyId,
      subjectType: 'focus_group',
      subjectId: ids[0],
      details: { ...change.details, groups: ids },
    });
  }

  /** Refuses the change if it makes any touched group break a rule it did not already break. */
  private async check(ctx: Context, change: Change, studyId: number): Promise<void> {
    const study = (await this.studyQuery.byId(studyId))!;
    const slotIds = (await this.studyQuery.slotsOf(studyId)).map((s) => s.id);
    const involved = [...new Set([...ctx.memberships.map((m) => m.respondentId), ...change.moves.keys()])];
    const people = new Map((await this.respondentQuery.byIds(involved, studyId)).map((p) => [p.id, p]));
    const limits = {
      minSize: study.groupMinSize,
      maxSize: study.groupMaxSize,
      reservesPerGroup: study.reservesPerGroup,
    };
    const breaches: RuleBreach[] = [];
    for (const g of ctx.groups.values()) {
      const before = this.ruleGroup(g, ctx.memberships, new Map(), people);
      const after = this.ruleGroup(g, ctx.memberships, change.moves, people);
      const old = new Set(groupBreaches(before, limits, slotIds).map(breachText));
      breaches.push(...groupBreaches(after, limits, slotIds).filter((b) => !old.has(breachText(b))));
    }
    if (breaches.length) {
      const problems = breaches.map(breachText);
      // Each broken rule in the reader's language (groups.rule.*); the details keep them for scripts.
      const rules = breaches.map((b) => ({ textKey: `groups.rule.${b.rule}`, vars: { ...b } }));
      throw AppError.invalid('group.change_refused', problems.join(' '), { problems, breaches }, { rules });
    }
  }

  private ruleGroup(
    g: FocusGroup,
    memberships: GroupMember[],
    moves: Map<number, Place | null>,
    people: Map<number, Respondent>,
  ): RuleGroup {
    const placed = new Map<number, Place>();
    for (const m of memberships) placed.set(m.respondentId, { groupId: m.groupId, role: m.role });
    for (const [id, place] of moves) {
      if (place) placed.set(id, place);
      else placed.delete(id);
    }
    const inRole = (role: MemberRole) =>
      [...placed.entries()]
        .filter(([, p]) => p.groupId === g.id && p.role === role)
        .map(([id]) => people.get(id)!)
        .filter((p) => p !== undefined);
    return {
      id: g.id,
      organisationId: g.organisationId,
      quadrant: g.quadrant,
      members: inRole('member'),
      reserves: inRole('reserve'),
    };
  }

  private async write(ctx: Context, change: Change, studyId: number): Promise<void> {
    const nextPosition = (groupId: number, role: MemberRole) =>
      1 +
      Math.max(-1, ...ctx.memberships.filter((m) => m.groupId === groupId && m.role === role).map((m) => m.position));
    const becameMember: number[] = [];
    const leftMembers: number[] = [];
    const swapPositions = new Map<number, number>();
    // A swap exchanges positions too, so the order in each group stays as it was.
    const byId = new Map(ctx.memberships.map((m) => [m.respondentId, m]));
    if (change.moves.size === 2) {
      const [a, b] = [...change.moves.keys()];
      if (byId.has(a) && byId.has(b)) {
        swapPositions.set(a, byId.get(b)!.position);
        swapPositions.set(b, byId.get(a)!.position);
      }
    }
    for (const [respondentId, place] of change.moves) {
      const current = byId.get(respondentId);
      if (current?.role === 'member' && place?.role !== 'member') leftMembers.push(respondentId);
      if (current?.role !== 'member' && place?.role === 'member') becameMember.push(respondentId);
      if (!place) await this.groups.deleteMembership(current!.id);
      else if (current)
        await this.groups.placeMembership(current.id, {
          ...place,
          position: swapPositions.get(respondentId) ?? nextPosition(place.groupId, place.role),
        });
      else
        await this.groups.insertMembership({
          studyId,
          respondentId,
          ...place,
          position: nextPosition(place.groupId, place.role),
        });
    }
    await this.lifecycle.move(leftMembers, 'eligible', 'left-group');
    await this.lifecycle.move(becameMember, 'grouped', 'placed-in-group');
    await this.groups.touchGroups([...ctx.groups.keys()]);
  }
}
