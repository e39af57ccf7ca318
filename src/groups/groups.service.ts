import { Injectable } from '@nestjs/common';
import { RespondentLifecycleService } from '../respondents/respondent-lifecycle.service';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Quadrant } from '../common/domain';
import type { Respondent } from '../respondents/respondent';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import type { SessionSlot, Study } from '../studies/study';
import { StudiesService } from '../studies/studies.service';
import { StudyQueryService } from '../studies/study-query.service';
import {
  BalancingCandidate,
  BalancingResult,
  BalancingSettings,
  FixedGroup,
  formGroups,
  GroupScore,
  UNPLACED_REASONS,
} from './balancing';
import {
  incompleteReason,
  missingFacts,
  NOT_GROUPED_YET_REASON,
  NOT_PARTNER_REASON,
  personView,
  PersonView,
  ReasonCode,
  scoreOf,
  toCandidate,
} from './group-candidates';
import { FocusGroup, GroupStatus } from './group.entity';
import { GroupRepository, GroupWithMembers } from './group.repository';
import { commonSlots } from './group-rules';

/** The result of a formation run, exactly as the API and `kwadrant groups form --format json` print it. */
export interface FormationReport {
  groups: {
    id: number | null;
    organisation: string;
    quadrant: Quadrant;
    members: number[];
    reserves: number[];
    slots: number[];
    score: GroupScore;
  }[];
  shortfalls: { organisation: string; quadrant: Quadrant; candidates: number; needed: number }[];
  unplaced: { respondentId: number; reason: string }[];
}

/** A formation run with what the page needs to explain it in the reader's language (not part of the JSON). */
export interface DetailedReport {
  report: FormationReport;
  /** Per shortfall (same order): members the bucket's new groups got. */
  placed: number[];
  reasons: Map<number, ReasonCode>;
  /** Candidates without availability data, counted as available for every slot. */
  assumedAvailable: number;
}

export interface GroupView {
  id: number;
  status: GroupStatus;
  organisation: string;
  quadrant: Quadrant;
  members: PersonView[];
  reserves: PersonView[];
  slots: number[];
  score: GroupScore;
}

export interface GroupsOverview {
  study: Study;
  organisations: string[];
  slots: SessionSlot[];
  groups: GroupView[];
  shortfalls: {
    organisation: string;
    quadrant: Quadrant;
    candidates: number;
    needed: number;
    placed: number;
    message: string;
  }[];
  unplaced: {
    respondentId: number;
    firstName: string | null;
    organisation: string | null;
    quadrant: Quadrant | null;
    reason: string;
    reasonCode: ReasonCode;
  }[];
  /** Respondents without availability data (e.g. imported), counted as available for every slot. */
  assumedAvailable: number;
}

interface Scope {
  study: Study;
  /** The study's partner organisations, id → name. */
  names: Map<number, string>;
  organisationId?: number;
}

interface Plan {
  result: BalancingResult;
  kept: GroupWithMembers[];
  replaced: GroupWithMembers[];
  respondents: Map<number, Respondent>;
  /** Respondents the balancing never saw, with the reason. */
  excluded: { respondent: Respondent; reason: string; reasonCode: ReasonCode }[];
}

@Injectable()
export class GroupsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly studies: StudiesService,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly lifecycle: RespondentLifecycleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Forms groups: confirmed and locked groups are kept and filled around, proposed groups are replaced by the
   * new proposal. A dry run computes the same without saving (new groups then have id null).
   */
  async form(
    slug: string,
    opts: { dryRun?: boolean; organisation?: string },
    actor: AuthUser | null,
  ): Promise<FormationReport> {
    return (await this.formDetailed(slug, opts, actor)).report;
  }

  @Transactional()
  async formDetailed(
    slug: string,
    opts: { dryRun?: boolean; organisation?: string },
    actor: AuthUser | null,
  ): Promise<DetailedReport> {
    const scope = await this.scope(slug, opts.organisation);
    if (opts.dryRun) return this.report(await this.plan(scope, 'replace-proposed'), scope, []);
    await this.studyQuery.lock(scope.study.id);
    assertGroupsChangeable((await this.studyQuery.byId(scope.study.id))!);
    const plan = await this.plan(scope, 'replace-proposed');
    const ids = await this.save(plan, scope);
    await this.audit.record({
      actor,
      action: 'group.form',
      studyId: scope.study.id,
      subjectType: 'study',
      subjectId: scope.study.slug,
      details: {
        organisation: opts.organisation ?? null,
        created: ids,
        replaced: plan.replaced.map((g) => g.id),
        kept: plan.kept.map((g) => g.id),
        shortfalls: plan.result.shortfalls.length,
        unplaced: plan.result.unplaced.length + plan.excluded.length,
      },
    });
    return this.report(plan, scope, ids);
  }

  /** The saved groups, and (computed now, with every saved group kept) the shortfalls and who is left out and why. */
  async overview(slug: string): Promise<GroupsOverview> {
    const scope = await this.scope(slug);
    const plan = await this.plan(scope, 'keep-all');
    const slots = await this.studyQuery.slotsOf(scope.study.id);
    const placedNow = new Set(plan.kept.flatMap((g) => g.memberships.map((m) => m.respondentId)));
    const reasons = new Map(plan.result.unplaced.map((u) => [u.respondentId, u.reason]));
    const unplaced: GroupsOverview['unplaced'] = [];
    for (const r of plan.respondents.values()) {
      if (placedNow.has(r.id)) continue;
      const balanced = reasons.get(r.id);
      const excluded = plan.excluded.find((e) => e.respondent.id === r.id);
      unplaced.push({
        respondentId: r.id,
        firstName: r.firstName,
        organisation: r.organisationId === null ? null : (scope.names.get(r.organisationId) ?? null),
        quadrant: r.quadrant,
        reason: balanced ? UNPLACED_REASONS[balanced] : (excluded?.reason ?? NOT_GROUPED_YET_REASON),
        reasonCode: balanced
          ? { code: balanced, missing: [] }
          : (excluded?.reasonCode ?? { code: 'not-grouped-yet', missing: [] }),
      });
    }
    return {
      study: scope.study,
      organisations: [...scope.names.values()],
      slots,
      groups: plan.kept.map((g) =>
        this.view(
          g,
          scope,
          plan.respondents,
          slots.map((s) => s.id),
        ),
      ),
      shortfalls: plan.result.shortfalls.map(({ organisation, quadrant, candidates, needed, placed, message }) => ({
        organisation,
        quadrant,
        candidates,
        needed,
        placed,
        message,
      })),
      unplaced,
      assumedAvailable: plan.result.assumedAvailable.length,
    };
  }

  /** One group as the API shows it. */
  async groupView(id: number): Promise<GroupView> {
    const group = await this.groups.findGroup(id);
    if (!group) throw AppError.notFound('group', id);
    const [withMembers] = await this.groups.withMembers([group]);
    const study = (await this.studyQuery.byId(group.studyId))!;
    const names = await this.organisationNames(study.id);
    const people = await this.respondentQuery.byIds(
      withMembers.memberships.map((m) => m.respondentId),
      study.id,
    );
    const slots = await this.studyQuery.slotsOf(study.id);
    return this.view(
      withMembers,
      { study, names },
      new Map(people.map((p) => [p.id, p])),
      slots.map((s) => s.id),
    );
  }

  confirm(id: number, actor: AuthUser): Promise<GroupView> {
    return this.changeStatus(id, actor, 'group.confirm', (g) => {
      if (g.status === 'locked')
        throw AppError.conflict(
          'group.locked',
          `Group ${g.id} is locked, which already keeps it. Unlock it first to make it merely confirmed.`,
          undefined,
          { groupId: g.id },
        );
      return 'confirmed';
    });
  }

  lock(id: number, actor: AuthUser): Promise<GroupView> {
    return this.changeStatus(id, actor, 'group.lock', () => 'locked');
  }

  unlock(id: number, actor: AuthUser): Promise<GroupView> {
    return this.changeStatus(id, actor, 'group.unlock', (g) => {
      if (g.status !== 'locked')
        throw AppError.conflict('group.not_locked', `Group ${g.id} is not locked.`, undefined, { groupId: g.id });
      return 'confirmed';
    });
  }

  /** What dissolving would do, for the confirmation page: how many members and reserves become available again. */
  async dissolvePreview(id: number): Promise<{ groupId: number; members: number; reserves: number }> {
    const group = await this.groups.findGroup(id);
    if (!group) throw AppError.notFound('group', id);
    const memberships = await this.groups.membershipsOfGroups([id]);
    return {
      groupId: id,
      members: memberships.filter((m) => m.role === 'member').length,
      reserves: memberships.filter((m) => m.role === 'reserve').length,
    };
  }

  /** An erased respondent leaves their group (as member or reserve); the group's own checks then show it is short. */
  removeErasedRespondent(respondentId: number): Promise<void> {
    return this.groups.removeRespondent(respondentId);
  }

  private async changeStatus(
    id: number,
    actor: AuthUser,
    action: string,
    next: (g: FocusGroup) => GroupStatus,
  ): Promise<GroupView> {
    await this.setStatus(id, actor, action, next);
    return this.groupView(id);
  }

  @Transactional()
  private async setStatus(
    id: number,
    actor: AuthUser,
    action: string,
    next: (g: FocusGroup) => GroupStatus,
  ): Promise<void> {
    const group = (await this.groups.lockGroups([id])).get(id);
    if (!group) throw AppError.notFound('group', id);
    assertGroupsChangeable((await this.studyQuery.byId(group.studyId))!);
    const from = group.status;
    const to = next(group);
    if (from === to) return;
    await this.groups.setGroupStatus(group, to);
    await this.audit.record({
      actor,
      action,
      studyId: group.studyId,
      subjectType: 'focus_group',
      subjectId: id,
      details: { from, to },
    });
  }

  private async organisationNames(studyId: number): Promise<Map<number, string>> {
    const links = await this.studyQuery.partnersOf(studyId);
    return new Map(links.map((l) => [l.organisationId, l.organisation.name]));
  }

  private async scope(slug: string, organisation?: string): Promise<Scope> {
    const study = await this.studies.get(slug);
    const names = await this.organisationNames(study.id);
    if (organisation === undefined) return { study, names };
    const wanted = organisation.trim().toLowerCase();
    const found = [...names.entries()].find(([, name]) => name.toLowerCase() === wanted);
    if (!found) {
      throw AppError.invalid(
        'group.unknown_organisation',
        `"${organisation}" is not a partner organisation of study ${slug}. Partners: ${[...names.values()].join(', ') || 'none yet'}.`,
        {
          organisation: ['is not a partner organisation of this study'],
        },
        { organisation, slug, known: [...names.values()].join(', ') || '—' },
      );
    }
    return { study, names, organisationId: found[0] };
  }

  private settings(study: Study): BalancingSettings {
    return {
      groupsPerQuadrant: study.groupsPerQuadrant,
      targetSize: study.groupTargetSize,
      minSize: study.groupMinSize,
      maxSize: study.groupMaxSize,
      reservesPerGroup: study.reservesPerGroup,
      // Per study, so ties between people screened at the same moment are broken the same way on every run.
      seed: study.id,
    };
  }

  private async plan(scope: Scope, mode: 'replace-proposed' | 'keep-all'): Promise<Plan> {
    const { study, names } = scope;
    const saved = await this.groups.groupsOfStudy(study.id, scope.organisationId);
    const kept = mode === 'keep-all' ? saved : saved.filter((g) => g.status !== 'proposed');
    const replaced = mode === 'keep-all' ? [] : saved.filter((g) => g.status === 'proposed');
    const placed = (await this.groups.membershipsOfGroups(saved.map((g) => g.id))).map((m) => m.respondentId);
    const people = await this.respondentQuery.forGrouping(study.id, placed, scope.organisationId);
    const candidates: BalancingCandidate[] = [];
    const excluded: Plan['excluded'] = [];
    for (const r of people) {
      const missing = missingFacts(r);
      if (missing.length)
        excluded.push({
          respondent: r,
          reason: incompleteReason(missing),
          reasonCode: { code: 'incomplete', missing },
        });
      else if (!names.has(r.organisationId!))
        excluded.push({ respondent: r, reason: NOT_PARTNER_REASON, reasonCode: { code: 'not-partner', missing: [] } });
      else candidates.push(toCandidate(r, names.get(r.organisationId!)!));
    }
    const fixed: FixedGroup[] = kept.map((g) => ({
      id: g.id,
      organisation: names.get(g.organisationId) ?? `#${g.organisationId}`,
      quadrant: g.quadrant,
      members: g.memberships.filter((m) => m.role === 'member').map((m) => m.respondentId),
      reserves: g.memberships.filter((m) => m.role === 'reserve').map((m) => m.respondentId),
    }));
    const organisations = scope.organisationId === undefined ? [...names.values()] : [names.get(scope.organisationId)!];
    const slots = await this.studyQuery.slotsOf(study.id);
    const result = formGroups({
      candidates,
      slotIds: slots.map((s) => s.id),
      settings: this.settings(study),
      fixed,
      organisations,
    });
    return { result, kept, replaced, respondents: new Map(people.map((p) => [p.id, p])), excluded };
  }

  /** Replaces the proposed groups by the new ones; returns the new groups' ids in result order. */
  private async save(plan: Plan, scope: Scope): Promise<number[]> {
    const replacedMembers = plan.replaced.flatMap((g) =>
      g.memberships.filter((m) => m.role === 'member').map((m) => m.respondentId),
    );
    await this.groups.deleteGroups(plan.replaced.map((g) => g.id));
    await this.lifecycle.move(replacedMembers, 'eligible', 'left-group');
    const idByName = new Map([...scope.names.entries()].map(([id, name]) => [name, id]));
    const ids: number[] = [];
    const memberships = [];
    const now = new Date();
    for (const g of plan.result.groups.filter((x) => x.fixedId === null)) {
      const saved = await this.groups.insertGroup({
        studyId: scope.study.id,
        organisationId: idByName.get(g.organisation)!,
        quadrant: g.quadrant,
        status: 'proposed',
        createdAt: now,
        updatedAt: now,
      });
      ids.push(saved.id);
      const place = (role: 'member' | 'reserve') => (respondentId: number, position: number) => ({
        studyId: scope.study.id,
        groupId: saved.id,
        respondentId,
        role,
        position,
      });
      memberships.push(...g.members.map(place('member')), ...g.reserves.map(place('reserve')));
    }
    await this.groups.insertMemberships(memberships);
    await this.lifecycle.move(
      memberships.filter((m) => m.role === 'member').map((m) => m.respondentId),
      'grouped',
      'placed-in-group',
    );
    return ids;
  }

  private report(plan: Plan, scope: Scope, newIds: number[]): DetailedReport {
    let next = 0;
    const reasons = new Map<number, ReasonCode>([
      ...plan.result.unplaced.map((u): [number, ReasonCode] => [u.respondentId, { code: u.reason, missing: [] }]),
      ...plan.excluded.map((e): [number, ReasonCode] => [e.respondent.id, e.reasonCode]),
    ]);
    const report: FormationReport = {
      groups: plan.result.groups.map((g) => ({
        id: g.fixedId ?? (newIds.length ? newIds[next++] : null),
        organisation: g.organisation,
        quadrant: g.quadrant,
        members: g.members,
        reserves: g.reserves,
        slots: g.slots,
        score: g.score,
      })),
      shortfalls: plan.result.shortfalls.map(({ organisation, quadrant, candidates, needed }) => ({
        organisation,
        quadrant,
        candidates,
        needed,
      })),
      unplaced: [
        ...plan.result.unplaced.map((u) => ({ respondentId: u.respondentId, reason: UNPLACED_REASONS[u.reason] })),
        ...plan.excluded.map((e) => ({ respondentId: e.respondent.id, reason: e.reason })),
      ].sort((a, b) => a.respondentId - b.respondentId),
    };
    return {
      report,
      placed: plan.result.shortfalls.map((s) => s.placed),
      reasons,
      assumedAvailable: plan.result.assumedAvailable.length,
    };
  }

  private view(
    g: GroupWithMembers,
    scope: Pick<Scope, 'study' | 'names'>,
    people: Map<number, Respondent>,
    slotIds: number[],
  ): GroupView {
    const of = (role: 'member' | 'reserve') =>
      g.memberships
        .filter((m) => m.role === role)
        .map((m) => people.get(m.respondentId))
        .filter((r): r is Respondent => r !== undefined);
    const members = of('member');
    return {
      id: g.id,
      status: g.status,
      organisation: scope.names.get(g.organisationId) ?? `#${g.organisationId}`,
      quadrant: g.quadrant,
      members: members.map(personView),
      reserves: of('reserve').map(personView),
      slots: commonSlots(members, slotIds),
      score: scoreOf(members),
    };
  }
}

/**
 * A closed study's groups are its record of who took part: no manual change, confirmation or new formation.
 * Read inside the change's transaction, after its locks.
 */
export function assertGroupsChangeable(study: Pick<Study, 'slug' | 'status'>): void {
  if (study.status === 'closed')
    throw AppError.conflict('study.closed', `Study "${study.slug}" is closed: its groups can no longer change.`);
}
