import { Injectable } from '@nestjs/common';
import { StudyQueryService } from '../studies/study-query.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { LOCALE_TAG } from '../common/domain';
import { formatSlot } from '../common/format';
import { StudiesService } from '../studies/studies.service';
import { checkAssignments, FixedAssignment, scheduleGroups } from './assignment';
import { localDayKey, unplacedNeed, UnplacedNeed } from './explain';
import { translator } from '../common/view-engine';
import { InvitationsService } from './invitations.service';
import { LoadedSchedule, ScheduleLoader } from './schedule-loader';
import { membersMissingInvitation } from './missing-invitations';
import { hasBegun } from './session-begun';
import { SessionRepository } from './session.repository';
import type { ScheduledSession } from './session.entity';

export interface PlacedRow {
  groupId: number;
  group: string;
  slotId: number;
  slot: string;
  leadId: number;
  lead: string;
  noteTakerId: number;
  noteTaker: string;
}

export interface UnplacedRow {
  groupId: number;
  group: string;
  code: string;
  reason: string;
  needs: UnplacedNeed;
}

export interface ScheduleRunReport {
  dryRun: boolean;
  /** Groups the run placed (or would place, in a dry run). */
  placed: PlacedRow[];
  unplaced: UnplacedRow[];
  /** Sessions that already existed and stayed where they were. */
  kept: number;
}

export interface SessionChange {
  slotId?: number;
  leadModeratorId?: number;
  noteModeratorId?: number;
}

export interface MemberView {
  respondentId: number;
  firstName: string | null;
  invitation: string | null;
}

export interface SessionView {
  id: number;
  groupId: number;
  group: string;
  groupStatus: string;
  slotId: number;
  lead: { id: number; name: string };
  noteTaker: { id: number; name: string };
  invited: boolean;
  /** It has begun: it keeps its slot and moderators, and nobody is invited to it any more. */
  begun: boolean;
  /** Members with an address put in the group after its invitations went out: "invite missing" would mail them. */
  missingInvitations: number;
  sequence: number;
  members: MemberView[];
  reserves: MemberView[];
  declined: MemberView[];
}

export interface ScheduleView {
  study: { id: number; slug: string; title: string };
  days: {
    key: string;
    label: string;
    slots: {
      id: number;
      label: string;
      capacity: number | null;
      online: boolean;
      location: string | null;
      /** No session moves into it any more. */
      begun: boolean;
      sessions: SessionView[];
    }[];
  }[];
  unscheduled: { groupId: number; group: string; status: string; cancelled: boolean; memberCount: number }[];
  moderators: { id: number; name: string }[];
  sessionCount: number;
}

/** Places groups in slots with two moderators, and lets researchers move, swap and cancel under the same rules. */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sessions: SessionRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly loader: ScheduleLoader,
    private readonly studies: StudiesService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /** Schedules every confirmed or locked group without a session; existing sessions stay. A dry run saves nothing. */
  @Transactional()
  async run(
    slug: string,
    opts: { dryRun?: boolean },
    actor: AuthUser | null,
    locale: Locale,
  ): Promise<ScheduleRunReport> {
    const study = await this.studies.get(slug);
    if (opts.dryRun) return this.plan(await this.loader.load(study, locale), true, locale).report;
    await this.studyQuery.lock(study.id);
    const loaded = await this.loader.load(study, locale);
    const { report, assignments } = this.plan(loaded, false, locale);
    const existing = new Map(loaded.sessions.map((s) => [s.groupId, s]));
    const now = new Date();
    for (const a of assignments) {
      const slot = loaded.slotById.get(a.slotId)!;
      const previous = existing.get(a.groupId);
      await this.sessions.saveSession({
        ...(previous ?? { studyId: study.id, groupId: a.groupId, sequence: 0, createdAt: now }),
        // A cancelled session that comes back must outrank its cancellation in calendars.
        sequence: previous ? previous.sequence + 1 : 0,
        slotId: a.slotId,
        leadModeratorId: a.leadId,
        noteModeratorId: a.noteTakerId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: 'scheduled',
        invitedAt: null,
        invitedLeadId: null,
        invitedNoteId: null,
        updatedAt: now,
      });
    }
    await this.audit.record({
      actor,
      action: 'schedule.run',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: {
        placed: report.placed.map((p) => ({
          groupId: p.groupId,
          slotId: p.slotId,
          leadId: p.leadId,
          noteTakerId: p.noteTakerId,
        })),
        unplaced: report.unplaced,
      },
    });
    return report;
  }

  /** Moves a session to another slot and/or gives it other moderators, checked against the scheduler's rules. */
  async move(
    slug: string,
    sessionId: number,
    change: SessionChange,
    actor: AuthUser,
    locale: Locale,
  ): Promise<SessionView> {
    const study = await this.studies.get(slug);
    await this.txHost.withTransaction(async () => {
      // As a run does and a slot's removal: a slot checked here cannot be deleted before the session is saved in it.
      await this.studyQuery.lock(study.id);
      const session = await this.lockOwnSession(study.id, sessionId);
      const loaded = await this.loader.load(study, locale);
      const next: FixedAssignment = {
        groupId: session.groupId,
        slotId: change.slotId ?? session.slotId,
        leadId: change.leadModeratorId ?? session.leadModeratorId,
        noteTakerId: change.noteModeratorId ?? session.noteModeratorId,
      };
      this.assertAllowed([next], loaded, locale);
      const before = { slotId: session.slotId, leadId: session.leadModeratorId, noteTakerId: session.noteModeratorId };
      if (before.slotId === next.slotId && before.leadId === next.leadId && before.noteTakerId === next.noteTakerId) {
        throw AppError.invalid(
          'schedule.no_change',
          'The session already has this slot and these moderators; choose something else to change.',
        );
      }
      await this.apply(session, next, loaded);
      await this.audit.record({
        actor,
        action: 'schedule.session_move',
        studyId: study.id,
        subjectType: 'session',
        subjectId: session.id,
        details: { groupId: session.groupId, from: before, to: next },
      });
    });
    return this.sessionView(slug, sessionId, locale);
  }

  /** Exchanges the moderator pairs of two sessions; both must still fit every rule afterwards. */
  async swapModerators(
    slug: string,
    sessionId: number,
    otherSessionId: number,
    actor: AuthUser,
    locale: Locale,
  ): Promise<SessionView> {
    if (sessionId === otherSessionId)
      throw AppError.invalid('schedule.same_session', 'Choose another session to swap moderators with.');
    const study = await this.studies.get(slug);
    await this.txHost.withTransaction(async () => {
      await this.studyQuery.lock(study.id);
      const locked = await this.sessions.lockSessions([sessionId, otherSessionId]);
      const a = ownScheduled(locked.get(sessionId), study.id, sessionId);
      const b = ownScheduled(locked.get(otherSessionId), study.id, otherSessionId);
      const loaded = await this.loader.load(study, locale);
      const nextA = { groupId: a.groupId, slotId: a.slotId, leadId: b.leadModeratorId, noteTakerId: b.noteModeratorId };
      const nextB = { groupId: b.groupId, slotId: b.slotId, leadId: a.leadModeratorId, noteTakerId: a.noteModeratorId };
      this.assertAllowed([nextA, nextB], loaded, locale);
      await this.apply(a, nextA, loaded);
      await this.apply(b, nextB, loaded);
      await this.audit.record({
        actor,
        action: 'schedule.moderators_swap',
        studyId: study.id,
        subjectType: 'session',
        subjectId: a.id,
        details: { sessions: [a.id, b.id], groups: [a.groupId, b.groupId] },
      });
    });
    return this.sessionView(slug, sessionId, locale);
  }

  /** Cancels a session: invitations get a METHOD:CANCEL, the group can be scheduled again. */
  @Transactional()
  async cancel(slug: string, sessionId: number, actor: AuthUser): Promise<void> {
    const study = await this.studies.get(slug);
    const session = await this.lockOwnSession(study.id, sessionId);
    await this.invitations.notifyCancellation(session);
    session.status = 'cancelled';
    session.updatedAt = new Date();
    await this.sessions.saveSession(session);
    await this.audit.record({
      actor,
      action: 'schedule.session_cancel',
      studyId: study.id,
      subjectType: 'session',
      subjectId: session.id,
      details: { groupId: session.groupId, slotId: session.slotId },
    });
  }

  /** Who a cancellation would e-mail, for the confirmation page: only people already invited are told. */
  async cancellationPreview(
    slug: string,
    sessionId: number,
    locale: Locale,
  ): Promise<{
    sessionId: number;
    groupId: number;
    when: string;
    respondentsMailed: number;
    respondentsNotMailed: number;
    moderatorsMailed: number;
  }> {
    const study = await this.studies.get(slug);
    const session = ownScheduled((await this.sessions.findSession(sessionId)) ?? undefined, study.id, sessionId);
    const live = session.invitedAt
      ? (await this.sessions.invitationsOfSessions([session.id])).filter(
          (i) => i.status === 'sent' || i.status === 'confirmed',
        )
      : [];
    const people = await this.respondentQuery.byIds(live.map((i) => i.respondentId));
    const mailed = people.filter((r) => r.email && !r.erasedAt).length;
    const moderatorsMailed = session.invitedAt
      ? [session.invitedLeadId, session.invitedNoteId].filter((id) => id !== null).length
      : 0;
    return {
      sessionId,
      groupId: session.groupId,
      when: formatSlot(session.startsAt, session.endsAt, locale),
      respondentsMailed: mailed,
      respondentsNotMailed: live.length - mailed,
      moderatorsMailed,
    };
  }

  async view(slug: string, locale: Locale): Promise<ScheduleView> {
    const study = await this.studies.get(slug);
    const loaded = await this.loader.load(study, locale);
    const invitations = await this.sessions.invitationsOfSessions(loaded.sessions.map((s) => s.id));
    const declinedIds = invitations.filter((i) => i.status === 'declined').map((i) => i.respondentId);
    const declinedPeople = new Map((await this.respondentQuery.byIds(declinedIds)).map((r) => [r.id, r]));
    const name = (id: number) => loaded.users.get(id)?.name ?? `#${id}`;
    const now = new Date();
    const sessionViews = loaded.sessions
      .filter((s) => s.status === 'scheduled')
      .map((s): SessionView => {
        const g = loaded.groups.get(s.groupId)!;
        const mine = invitations.filter((i) => i.sessionId === s.id);
        const person = (r: { id: number; firstName: string | null }): MemberView => ({
          respondentId: r.id,
          firstName: r.firstName,
          invitation: mine.find((i) => i.respondentId === r.id)?.status ?? null,
        });
        return {
          id: s.id,
          groupId: s.groupId,
          group: g.label,
          groupStatus: g.group.status,
          slotId: s.slotId,
          lead: { id: s.leadModeratorId, name: name(s.leadModeratorId) },
          noteTaker: { id: s.noteModeratorId, name: name(s.noteModeratorId) },
          invited: s.invitedAt !== null,
          begun: hasBegun(s, now),
          missingInvitations: membersMissingInvitation(
            s,
            g.members.filter((r) => !r.erasedAt),
            (id) => mine.find((i) => i.respondentId === id)?.status,
            now,
          ).length,
          sequence: s.sequence,
          members: g.members.map(person),
          reserves: g.reserves.map(person),
          declined: mine
            .filter((i) => i.status === 'declined')
            .map((i) => ({
              respondentId: i.respondentId,
              firstName: declinedPeople.get(i.respondentId)?.firstName ?? null,
              invitation: 'declined',
            })),
        };
      });
    const days: ScheduleView['days'] = [];
    for (const slot of loaded.slots) {
      const key = localDayKey(slot.startsAt);
      let day = days.find((d) => d.key === key);
      if (!day) days.push((day = { key, label: dayLabel(slot.startsAt, locale), slots: [] }));
      day.slots.push({
        id: slot.id,
        label: formatSlot(slot.startsAt, slot.endsAt, locale),
        capacity: slot.capacity,
        online: !!slot.onlineUrl,
        location: slot.location,
        begun: hasBegun(slot, now),
        sessions: sessionViews.filter((s) => s.slotId === slot.id),
      });
    }
    const scheduledGroups = new Set(sessionViews.map((s) => s.groupId));
    const cancelledGroups = new Set(loaded.sessions.filter((s) => s.status === 'cancelled').map((s) => s.groupId));
    return {
      study: { id: study.id, slug: study.slug, title: study.title },
      days,
      unscheduled: loaded.schedGroups
        .filter((g) => !scheduledGroups.has(g.id))
        .map((g) => ({
          groupId: g.id,
          group: g.label,
          status: loaded.groups.get(g.id)!.group.status,
          cancelled: cancelledGroups.has(g.id),
          memberCount: g.memberCount,
        })),
      moderators: loaded.moderators.filter((m) => m.active).map((m) => ({ id: m.userId, name: m.user.name })),
      sessionCount: sessionViews.length,
    };
  }

  async sessionView(slug: string, sessionId: number, locale: Locale): Promise<SessionView> {
    const view = await this.view(slug, locale);
    const found = view.days.flatMap((d) => d.slots.flatMap((s) => s.sessions)).find((s) => s.id === sessionId);
    if (!found) throw AppError.notFound('session', sessionId);
    return found;
  }

  private plan(
    loaded: LoadedSchedule,
    dryRun: boolean,
    locale: Locale,
  ): { report: ScheduleRunReport; assignments: FixedAssignment[] } {
    const scheduled = new Set(loaded.sessions.filter((s) => s.status === 'scheduled').map((s) => s.groupId));
    const open = loaded.schedGroups.filter((g) => !scheduled.has(g.id));
    const result = scheduleGroups({
      groups: open,
      slots: loaded.schedSlots,
      moderators: loaded.schedModerators,
      fixed: loaded.fixed,
      now: new Date(),
      t: translator(locale),
    });
    const openIds = new Set(open.map((g) => g.id));
    const assignments = result.assignments.filter((a) => openIds.has(a.groupId));
    const name = (id: number) => loaded.users.get(id)?.name ?? `#${id}`;
    const label = (groupId: number) => loaded.groups.get(groupId)?.label ?? `#${groupId}`;
    return {
      assignments,
      report: {
        dryRun,
        placed: assignments.map((a) => {
          const slot = loaded.slotById.get(a.slotId)!;
          return {
            groupId: a.groupId,
            group: label(a.groupId),
            slotId: a.slotId,
            slot: formatSlot(slot.startsAt, slot.endsAt, locale),
            leadId: a.leadId,
            lead: name(a.leadId),
            noteTakerId: a.noteTakerId,
            noteTaker: name(a.noteTakerId),
          };
        }),
        unplaced: result.unplaced.map((u) => ({
          groupId: u.groupId,
          group: label(u.groupId),
          code: u.code,
          reason: u.reason,
          needs: unplacedNeed(u.code, u.closest),
        })),
        kept: loaded.sessions.filter((s) => s.status === 'scheduled').length,
      },
    };
  }

  private assertAllowed(changes: FixedAssignment[], loaded: LoadedSchedule, locale: Locale): void {
    for (const c of changes) {
      const g = loaded.groups.get(c.groupId);
      if (!g || !['confirmed', 'locked'].includes(g.group.status)) {
        throw AppError.conflict(
          'schedule.group_not_confirmed',
          `Group ${c.groupId} is not confirmed any more. Confirm the group on the groups page before changing its session.`,
          undefined,
          { groupId: c.groupId },
        );
      }
      if (!loaded.slotById.has(c.slotId)) throw AppError.notFound('session_slot', c.slotId);
    }
    const result = checkAssignments(changes, {
      groups: loaded.schedGroups,
      slots: loaded.schedSlots,
      moderators: loaded.schedModerators,
      assignments: loaded.fixed,
      now: new Date(),
      t: translator(locale),
    });
    if (!result.ok)
      throw AppError.conflict(`schedule.${result.code}`, result.reason, { groupId: result.groupId, rule: result.code });
  }

  private async apply(session: ScheduledSession, next: FixedAssignment, loaded: LoadedSchedule): Promise<void> {
    const slotChanged = session.slotId !== next.slotId;
    const slot = loaded.slotById.get(next.slotId)!;
    Object.assign(session, {
      slotId: next.slotId,
      leadModeratorId: next.leadId,
      noteModeratorId: next.noteTakerId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      updatedAt: new Date(),
    });
    await this.sessions.saveSession(session);
    await this.invitations.notifySessionChange(session, slotChanged);
  }

  private async lockOwnSession(studyId: number, sessionId: number): Promise<ScheduledSession> {
    const locked = await this.sessions.lockSessions([sessionId]);
    return ownScheduled(locked.get(sessionId), studyId, sessionId);
  }
}

function ownScheduled(session: ScheduledSession | undefined, studyId: number, id: number): ScheduledSession {
  if (!session || session.studyId !== studyId) throw AppError.notFound('session', id);
  if (session.status !== 'scheduled')
    throw AppError.conflict(
      'schedule.session_cancelled',
      `Session ${id} was cancelled. Run the scheduler to give the group a new session.`,
      undefined,
      { id },
    );
  return session;
}

function dayLabel(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(d);
}
