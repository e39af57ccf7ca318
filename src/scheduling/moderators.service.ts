import { Inject, Injectable } from '@nestjs/common';
import { StudyQueryService } from '../studies/study-query.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { UserQueryService } from '../auth/user-query.service';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { formatSlot } from '../common/format';
import { hashToken, randomToken } from '../common/tokens';
import { translator } from '../common/view-engine';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { StudiesService } from '../studies/studies.service';
import { GroupQueryService } from '../groups/group-query.service';
import { DEFAULT_MAX_SESSIONS_PER_DAY, DEFAULT_MIN_REST_MINUTES } from './assignment';
import { buildFeedIcs, FeedEvent, moderatorBriefing } from './calendar';
import { moderatorUid } from './invitation-mailer';
import { ModeratorRepository, ModeratorWithSlots } from './moderator.repository';
import { groupLabel } from './schedule-loader';
import { SessionRepository } from './session.repository';

export interface ModeratorSettings {
  maxPerDay?: number;
  minRestMinutes?: number;
  slotIds?: number[];
  active?: boolean;
}

export interface ModeratorView {
  userId: number;
  name: string;
  email: string;
  active: boolean;
  maxPerDay: number;
  minRestMinutes: number;
  slotIds: number[];
}

export interface MySession {
  sessionId: number;
  studySlug: string;
  studyTitle: string;
  group: string;
  when: string;
  role: 'lead' | 'notes';
  cancelled: boolean;
}

const toView = (m: ModeratorWithSlots): ModeratorView => ({
  userId: m.userId,
  name: m.user.name,
  email: m.user.email,
  active: m.active,
  maxPerDay: m.maxPerDay,
  minRestMinutes: m.minRestMinutes,
  slotIds: m.slotIds,
});

/** Which researcher accounts moderate a study (their slots and limits), and each moderator's private calendar feed. */
@Injectable()
export class ModeratorsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly moderators: ModeratorRepository,
    private readonly sessions: SessionRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly users: UserQueryService,
    private readonly groupQuery: GroupQueryService,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async list(slug: string): Promise<ModeratorView[]> {
    const study = await this.studies.get(slug);
    return (await this.ofStudy(study.id)).map(toView);
  }

  /** The study's moderator profiles, each with its account. */
  private async ofStudy(studyId: number): Promise<ModeratorWithSlots[]> {
    const profiles = await this.moderators.moderatorsOfStudy(studyId);
    const accounts = new Map((await this.users.byIds(profiles.map((m) => m.userId))).map((u) => [u.id, u]));
    return profiles.map((m) => ({ ...m, user: accounts.get(m.userId)! }));
  }

  /** Researcher and admin accounts not yet moderating this study. */
  async candidates(slug: string): Promise<{ id: number; name: string; email: string }[]> {
    const study = await this.studies.get(slug);
    const taken = new Set((await this.moderators.moderatorsOfStudy(study.id)).map((m) => m.userId));
    return (await this.users.activeStaff())
      .filter((u) => !taken.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, email: u.email }));
  }

  /** Marks an account as moderator of the study, or changes its slots and limits. */
  async upsert(slug: string, userId: number, settings: ModeratorSettings, actor: AuthUser): Promise<ModeratorView> {
    const study = await this.studies.get(slug);
    const user = await this.users.byId(userId);
    if (!user) throw AppError.notFound('user', userId);
    if (user.role !== 'researcher' && user.role !== 'admin') {
      throw AppError.invalid(
        'moderator.not_staff',
        `${user.email} is a ${user.role} account; only researcher or admin accounts can moderate.`,
        undefined,
        { email: user.email, role: user.role },
      );
    }
    const studySlots = new Set((await this.studyQuery.slotsOf(study.id)).map((s) => s.id));
    const unknown = (settings.slotIds ?? []).filter((id) => !studySlots.has(id));
    if (unknown.length)
      throw AppError.invalid(
        'moderator.unknown_slot',
        `Slot(s) ${unknown.join(', ')} do not belong to study ${slug}. Choose slots of this study.`,
        { slotIds: unknown },
        { slotList: unknown.join(', '), slug, count: unknown.length },
      );
    await this.txHost.withTransaction(async () => {
      const existing = await this.moderators.findProfile(study.id, userId);
      const now = new Date();
      const saved = await this.moderators.saveProfile({
        ...(existing ?? {
          studyId: study.id,
          userId,
          createdAt: now,
          active: true,
          maxPerDay: DEFAULT_MAX_SESSIONS_PER_DAY,
          minRestMinutes: DEFAULT_MIN_REST_MINUTES,
        }),
        ...(settings.maxPerDay !== undefined ? { maxPerDay: settings.maxPerDay } : {}),
        ...(settings.minRestMinutes !== undefined ? { minRestMinutes: settings.minRestMinutes } : {}),
        ...(settings.active !== undefined ? { active: settings.active } : {}),
        updatedAt: now,
      });
      if (settings.slotIds !== undefined)
        await this.moderators.replaceSlots(
          saved.id,
          [...new Set(settings.slotIds)].sort((a, b) => a - b),
        );
      await this.audit.record({
        actor,
        action: existing ? 'moderator.update' : 'moderator.add',
        studyId: study.id,
        subjectType: 'user',
        subjectId: userId,
        details: { ...settings },
      });
    });
    return (await this.list(slug)).find((m) => m.userId === userId)!;
  }

  /** Existing sessions keep their moderators; the person is only left out of new schedules. */
  /** What removing a moderator would do, for the confirmation page: their sessions keep them until swapped. */
  async removalPreview(slug: string, userId: number): Promise<{ name: string; email: string; sessions: number }> {
    const study = await this.studies.get(slug);
    const moderator = (await this.ofStudy(study.id)).find((m) => m.userId === userId);
    if (!moderator) throw AppError.notFound('moderator', userId);
    const sessions = (await this.sessions.sessionsOfStudy(study.id)).filter(
      (s) => s.status === 'scheduled' && (s.leadModeratorId === userId || s.noteModeratorId === userId),
    );
    return { name: moderator.user.name, email: moderator.user.email, sessions: sessions.length };
  }

  @Transactional()
  async remove(slug: string, userId: number, actor: AuthUser): Promise<void> {
    const study = await this.studies.get(slug);
    const profile = await this.moderators.findProfile(study.id, userId);
    if (!profile) throw AppError.notFound('moderator', userId);
    await this.moderators.deleteProfile(profile.id);
    await this.audit.record({
      actor,
      action: 'moderator.remove',
      studyId: study.id,
      subjectType: 'user',
      subjectId: userId,
    });
  }

  /** A new private feed link; the previous one stops working. The token is shown once and only its hash is kept. */
  async renewFeed(user: AuthUser): Promise<{ url: string }> {
    const token = randomToken();
    await this.txHost.withTransaction(async () => {
      await this.moderators.replaceFeedToken(user.id, hashToken(token));
      await this.audit.record({ actor: user, action: 'moderator.feed_renew', subjectType: 'user', subjectId: user.id });
    });
    return { url: `${this.config.baseUrl}/ical/${token}.ics` };
  }

  async hasFeed(userId: number): Promise<boolean> {
    return (await this.moderators.findFeedOf(userId)) !== null;
  }

  /** The calendar behind a feed link: every session the person moderates, in every study. */
  async feed(token: string): Promise<string> {
    const feed = await this.moderators.findFeedByTokenHash(hashToken(token));
    if (!feed)
      throw new AppError(
        'not_found',
        'moderator.feed_invalid',
        'This calendar link is not (or no longer) valid. Make a new link on your moderator page.',
      );
    const events: FeedEvent[] = [];
    for (const s of await this.details(feed.userId)) {
      events.push({
        uid: moderatorUid(s.session.groupId, feed.userId),
        sequence: s.session.sequence,
        start: s.session.startsAt,
        end: s.session.endsAt,
        title: `${s.study.title}: ${s.label}`,
        description: moderatorBriefing(
          { role: s.role, groupLabel: s.label, members: s.members },
          translator(s.study.locale),
        ),
        location: s.slot?.onlineUrl ?? s.slot?.location ?? undefined,
        url: s.slot?.onlineUrl ?? undefined,
        cancelled: s.session.status === 'cancelled',
      });
    }
    return buildFeedIcs(events, { calendarName: 'kwadrant' });
  }

  async mySessions(userId: number, locale: Locale): Promise<MySession[]> {
    return (await this.details(userId)).map((s) => ({
      sessionId: s.session.id,
      studySlug: s.study.slug,
      studyTitle: s.study.title,
      group: s.label,
      when: formatSlot(s.session.startsAt, s.session.endsAt, locale),
      role: s.role,
      cancelled: s.session.status === 'cancelled',
    }));
  }

  private async details(userId: number) {
    const sessions = await this.sessions.sessionsModeratedBy(userId);
    const out = [];
    for (const session of sessions) {
      const [study, group, slot] = await Promise.all([
        this.studyQuery.byId(session.studyId),
        this.groupQuery.findGroup(session.groupId),
        this.studyQuery.slot(session.slotId),
      ]);
      if (!study || !group) continue;
      const orgs = await this.studyQuery.organisationNames([group.organisationId]);
      const memberships = (await this.groupQuery.membershipsOfGroups([group.id])).filter((m) => m.role === 'member');
      const people = new Map(
        (await this.respondentQuery.byIds(memberships.map((m) => m.respondentId))).map((r) => [r.id, r]),
      );
      const role: 'lead' | 'notes' = session.leadModeratorId === userId ? 'lead' : 'notes';
      out.push({
        session,
        study,
        slot,
        role,
        label: groupLabel(group, orgs.get(group.organisationId) ?? '?', study.locale),
        members: memberships.map((m) => ({
          firstName: people.get(m.respondentId)?.firstName ?? '?',
          quadrant: group.quadrant,
        })),
      });
    }
    return out;
  }
}
