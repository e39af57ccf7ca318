import { Inject, Injectable } from '@nestjs/common';
import { RespondentLifecycleService } from '../respondents/respondent-lifecycle.service';
import { StudyQueryService } from '../studies/study-query.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { UserQueryService } from '../auth/user-query.service';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { hashToken, randomToken } from '../common/tokens';
import { translator } from '../common/view-engine';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { GroupQueryService } from '../groups/group-query.service';
import type { Respondent } from '../respondents/respondent';
import type { ResearchOrganisationView } from '../studies/research-organisation';
import { ResearchOrganisationService } from '../studies/research-organisation.service';
import { StudiesService } from '../studies/studies.service';
import type { Study } from '../studies/study';
import { formatDuration, formatSessionTime } from './calendar';
import type { Invitation } from './invitation.entity';
import { invitationLinkClosed, isClosedStudy } from './invitation-link';
import { InvitationMailer, ModeratorMailContext } from './invitation-mailer';
import { ModeratorRepository } from './moderator.repository';
import { groupLabel } from './schedule-loader';
import { hasBegun } from './session-begun';
import { SessionRepository } from './session.repository';
import type { ScheduledSession } from './session.entity';
import { inSequence } from '../common/in-sequence';

export interface GroupInvitationReport {
  groupId: number;
  sessionId: number;
  invited: { respondentId: number; firstName: string | null }[];
  /** Members who were not sent anything, and why. */
  skipped: { respondentId: number; reason: string }[];
  moderatorsInvited: number[];
}

/** What a confirm/decline page shows about the invitation behind a link. */
export interface InvitationSummary {
  status: Invitation['status'];
  firstName: string | null;
  studyTitle: string;
  sessionTime: string;
  onlineUrl: string | null;
  location: string | null;
  /** "2 uur", as the invitation e-mail says it, not "120 minuten". */
  duration: string;
  helpPhone: string;
  behind: ResearchOrganisationView;
}

export interface ConfirmResult {
  invitation: Invitation;
  session: ScheduledSession;
  respondent: Respondent;
  study: Study;
  alreadyConfirmed: boolean;
}

/** A declined invitation with its session and study, for what follows in the group (InvitationResponsesService). */
export interface DeclinedInvitation {
  invitation: Invitation;
  session: ScheduledSession;
  study: Study;
  alreadyDeclined: boolean;
}

/** Moderator set of a session as last told, for working out who needs an update or a cancellation. */
export interface ModeratorPair {
  leadId: number | null;
  noteId: number | null;
}

const LIVE = ['sent', 'confirmed'];

/**
 * Invitations to sessions: sending them per group, the public confirm and decline, and the mails that follow a
 * reschedule or cancellation. Every e-mail goes to the outbox in the same transaction as the change it reports.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly lifecycle: RespondentLifecycleService,
    private readonly users: UserQueryService,
    private readonly groupQuery: GroupQueryService,
    private readonly moderators: ModeratorRepository,
    private readonly studies: StudiesService,
    private readonly mailer: InvitationMailer,
    private readonly audit: AuditService,
    private readonly researchOrganisation: ResearchOrganisationService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Sends the invitations of one scheduled group: each member not yet invited, and both moderators. Safe to repeat. */
  @Transactional()
  async sendForGroup(slug: string, groupId: number, actor: AuthUser | null): Promise<GroupInvitationReport> {
    const study = await this.studies.get(slug);
    assertStudyOpen(study);
    const group = await this.groupQuery.lockGroup(groupId);
    if (!group || group.studyId !== study.id) throw AppError.notFound('group', groupId);
    const session = await this.sessions.findSessionOfGroup(groupId);
    if (!session || session.status !== 'scheduled') {
      throw AppError.invalid(
        'invitation.not_scheduled',
        `Group ${groupId} has no scheduled session yet. Run the scheduler or place the group in a slot first, then send the invitations.`,
        undefined,
        { groupId },
      );
    }
    // An invitation to a session that has begun would ask people to come to something that is over or under way.
    if (hasBegun(session, new Date()))
      throw AppError.conflict(
        'invitation.session_started',
        `The session of group ${groupId} has already begun: no invitations are sent for it any more.`,
        { groupId },
      );
    const report = await this.inviteMissing(study, session);
    await this.audit.record({
      actor,
      action: 'invitation.send',
      studyId: study.id,
      subjectType: 'group',
      subjectId: groupId,
      details: { ...report },
    });
    return report;
  }

  /**
   * Every scheduled group of the study whose session has not begun (or the one given, refused if it has begun), one
   * transaction per group.
   */
  async sendForStudy(
    slug: string,
    groupId: number | undefined,
    actor: AuthUser | null,
    progress?: (line: string) => void,
  ): Promise<GroupInvitationReport[]> {
    const study = await this.studies.get(slug);
    const now = new Date();
    const sessions = (await this.sessions.sessionsOfStudy(study.id)).filter(
      (s) => s.status === 'scheduled' && (groupId === undefined ? !hasBegun(s, now) : s.groupId === groupId),
    );
    if (groupId !== undefined && !sessions.length) {
      throw AppError.invalid(
        'invitation.not_scheduled',
        `Group ${groupId} has no scheduled session in study ${slug}. Run the scheduler first.`,
        undefined,
        { groupId },
      );
    }
    const reports: GroupInvitationReport[] = [];
    for (const [i, s] of sessions.entries()) {
      progress?.(`group ${s.groupId} (${i + 1}/${sessions.length})`);
      reports.push(await this.sendForGroup(slug, s.groupId, actor));
    }
    return reports;
  }

  /** The invitation behind a link, for the page that asks to confirm or decline. */
  /** `locale` is the page's language (the link in the e-mail sets it to the respondent's). */
  async describe(token: string, locale: Locale): Promise<InvitationSummary> {
    const invitation = await this.sessions.findInvitationByTokenHash(hashToken(token));
    if (!invitation) throw linkInvalid(this.config.helpPhone);
    const session = (await this.sessions.findSession(invitation.sessionId))!;
    const [study, respondent, slot] = await Promise.all([
      this.studyQuery.byId(session.studyId),
      this.respondentQuery.byId(invitation.respondentId),
      this.studyQuery.slot(session.slotId),
    ]);
    this.assertLinkOpen(study!, respondent);
    return {
      status: invitation.status,
      firstName: respondent?.firstName ?? null,
      studyTitle: study!.title,
      sessionTime: formatSessionTime(session.startsAt, session.endsAt, translator(locale)),
      onlineUrl: slot?.onlineUrl ?? null,
      location: slot?.location ?? null,
      duration: formatDuration(study!.sessionMinutes, translator(locale)),
      helpPhone: study!.helpPhone || this.config.helpPhone,
      behind: await this.researchOrganisation.view(study!),
    };
  }

  /**
   * A respondent confirms through their link: the invitation and the respondent's status. What follows it in other
   * modules (the homework letter) is InvitationResponsesService's, above scheduling, in the same unit of work; it
   * uses the returned session (startsAt) and study (homeworkLeadDays).
   */
  @Transactional()
  async confirm(token: string): Promise<ConfirmResult> {
    const invitation = await this.sessions.lockInvitationByTokenHash(hashToken(token));
    if (!invitation) throw linkInvalid(this.config.helpPhone);
    const session = (await this.sessions.findSession(invitation.sessionId))!;
    const study = (await this.studyQuery.byId(session.studyId))!;
    const found = await this.respondentQuery.byId(invitation.respondentId);
    const respondent = this.assertLinkOpen(study, found);
    const phone = study.helpPhone || this.config.helpPhone;
    if (invitation.status === 'cancelled' || session.status === 'cancelled') {
      throw new AppError(
        'gone',
        'invitation.cancelled',
        `This conversation was cancelled, so it cannot be confirmed. Questions? Call ${phone}.`,
        { helpPhone: phone },
      );
    }
    if (invitation.status === 'declined') {
      throw AppError.conflict(
        'invitation.already_declined',
        `You already declined, and your place may have gone to someone else. Would you like to take part after all? Call ${phone}.`,
        { helpPhone: phone },
      );
    }
    if (invitation.status === 'confirmed') return { invitation, session, respondent, study, alreadyConfirmed: true };
    invitation.status = 'confirmed';
    invitation.respondedAt = new Date();
    await this.sessions.saveInvitation(invitation);
    await this.lifecycle.move([respondent.id], 'confirmed', 'confirmed');
    await this.audit.record({
      actor: null,
      action: 'invitation.confirm',
      studyId: study.id,
      subjectType: 'respondent',
      subjectId: respondent.id,
      details: { sessionId: session.id, groupId: session.groupId },
    });
    return { invitation, session, respondent, study, alreadyConfirmed: false };
  }

  /**
   * A respondent declines through their link: the invitation, the respondent's status and the audit entry. The
   * place it frees is the group's (InvitationResponsesService, above scheduling, in the same unit of work, which
   * then invites a reserve with `inviteToSession` and tells the moderators with `announceMemberChange`).
   */
  @Transactional()
  async decline(token: string): Promise<DeclinedInvitation> {
    const invitation = await this.sessions.lockInvitationByTokenHash(hashToken(token));
    if (!invitation) throw linkInvalid(this.config.helpPhone);
    const session = (await this.sessions.findSession(invitation.sessionId))!;
    const study = (await this.studyQuery.byId(session.studyId))!;
    // Before anything else: after closing or erasure a decline must not move a reserve up or mail anyone.
    this.assertLinkOpen(study, await this.respondentQuery.byId(invitation.respondentId));
    if (invitation.status === 'declined') return { invitation, session, study, alreadyDeclined: true };
    if (invitation.status === 'cancelled' || session.status === 'cancelled') {
      throw new AppError(
        'gone',
        'invitation.cancelled',
        `This conversation was cancelled already; you need not do anything.`,
        { helpPhone: study.helpPhone || this.config.helpPhone },
      );
    }
    invitation.status = 'declined';
    invitation.respondedAt = new Date();
    await this.sessions.saveInvitation(invitation);
    await this.lifecycle.move([invitation.respondentId], 'declined', 'declined');
    await this.audit.record({
      actor: null,
      action: 'invitation.decline',
      studyId: study.id,
      subjectType: 'respondent',
      subjectId: invitation.respondentId,
      details: { sessionId: session.id, groupId: session.groupId },
    });
    return { invitation, session, study, alreadyDeclined: false };
  }

  /**
   * Invites someone who joined the group after its invitations went out (a reserve who took a declined place), in
   * the caller's transaction. Nothing is sent before the group's own invitations, for a cancelled session or one that
   * has begun, or to someone without an e-mail address. Returns whether they were invited.
   */
  @Transactional()
  async inviteToSession(sessionId: number, respondentId: number): Promise<boolean> {
    const session = (await this.sessions.findSession(sessionId))!;
    const study = (await this.studyQuery.byId(session.studyId))!;
    assertStudyOpen(study);
    const respondent = await this.respondentQuery.byId(respondentId);
    if (session.status !== 'scheduled' || session.invitedAt === null || !respondent?.email) return false;
    if (hasBegun(session, new Date())) return false;
    const previous = await this.sessions.findInvitation(session.id, respondent.id);
    await this.invite(await this.moderatorContext(study, session), respondent, previous);
    return true;
  }

  /**
   * The group's members changed after its invitations went out: the moderators' entry lists the members by first
   * name, so both get the new list as an update of the same entry (a higher SEQUENCE). Not once it has begun: an
   * update of a past entry tells them nothing they can use.
   */
  @Transactional()
  async announceMemberChange(sessionId: number): Promise<void> {
    const session = (await this.sessions.findSession(sessionId))!;
    if (!session.invitedAt || hasBegun(session, new Date())) return;
    const study = (await this.studyQuery.byId(session.studyId))!;
    assertStudyOpen(study);
    session.sequence += 1;
    await this.updateModerators(study, session, { leadId: session.invitedLeadId, noteId: session.invitedNoteId }, true);
    await this.sessions.saveSession(session);
  }

  /**
   * After a session changed (slot and/or moderators) in the caller's transaction: raises the SEQUENCE and sends
   * updates when invitations went out already. A new time needs a new confirmation, so links are renewed.
   */
  async notifySessionChange(session: ScheduledSession, slotChanged: boolean): Promise<void> {
    if (!session.invitedAt) return;
    const study = (await this.studyQuery.byId(session.studyId))!;
    assertStudyOpen(study);
    session.sequence += 1;
    if (slotChanged) {
      const ctx = await this.moderatorContext(study, session);
      const live = await this.sessions.liveInvitations(session.id);
      const people = new Map((await this.respondentQuery.byIds(live.map((i) => i.respondentId))).map((r) => [r.id, r]));
      const locales = await this.respondentQuery.screenerLocales(live.map((i) => i.respondentId));
      for (const inv of live) {
        const respondent = people.get(inv.respondentId);
        if (!respondent?.email || respondent.erasedAt) continue;
        const token = randomToken();
        await this.sessions.saveInvitation({
          ...inv,
          tokenHash: hashToken(token),
          status: 'sent',
          sequence: session.sequence,
          sentAt: new Date(),
          respondedAt: null,
        });
        await this.mailer.inviteRespondent(ctx, respondent, {
          locale: locales.get(respondent.id) ?? study.locale,
          token,
          isUpdate: true,
        });
      }
      await this.lifecycle.move(
        live.map((i) => i.respondentId),
        'invited',
        'invitation-changed',
      );
    }
    await this.updateModerators(
      study,
      session,
      { leadId: session.invitedLeadId, noteId: session.invitedNoteId },
      slotChanged,
    );
    await this.sessions.saveSession(session);
  }

  /** The session is cancelled in the caller's transaction: everyone invited gets a METHOD:CANCEL with a higher SEQUENCE. */
  async notifyCancellation(session: ScheduledSession): Promise<void> {
    if (!session.invitedAt) return;
    const study = (await this.studyQuery.byId(session.studyId))!;
    assertStudyOpen(study);
    session.sequence += 1;
    const ctx = await this.moderatorContext(study, session);
    const live = await this.sessions.liveInvitations(session.id);
    const people = await this.respondentQuery.byIds(live.map((i) => i.respondentId));
    const locales = await this.respondentQuery.screenerLocales(people.map((r) => r.id));
    for (const respondent of people)
      if (respondent.email && !respondent.erasedAt)
        await this.mailer.cancelRespondent(ctx, respondent, locales.get(respondent.id) ?? study.locale);
    for (const inv of live)
      await this.sessions.saveInvitation({ ...inv, status: 'cancelled', sequence: session.sequence });
    await this.lifecycle.move(
      live.map((i) => i.respondentId),
      'grouped',
      'session-cancelled',
    );
    for (const [id, role] of [
      [session.invitedLeadId, 'lead'],
      [session.invitedNoteId, 'notes'],
    ] as const) {
      const user = id === null ? null : await this.users.byId(id);
      if (user) await this.mailer.cancelModerator(ctx, user, role);
    }
    Object.assign(session, { invitedAt: null, invitedLeadId: null, invitedNoteId: null });
    await this.sessions.saveSession(session);
  }

  private async inviteMissing(study: Study, session: ScheduledSession): Promise<GroupInvitationReport> {
    const ctx = await this.moderatorContext(study, session);
    const memberships = (await this.groupQuery.membershipsOfGroups([session.groupId])).filter(
      (m) => m.role === 'member',
    );
    const respondents = new Map(
      (await this.respondentQuery.byIds(memberships.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    const existing = new Map((await this.sessions.invitationsOfSessions([session.id])).map((i) => [i.respondentId, i]));
    const report: GroupInvitationReport = {
      groupId: session.groupId,
      sessionId: session.id,
      invited: [],
      skipped: [],
      moderatorsInvited: [],
    };
    for (const m of memberships) {
      const respondent = respondents.get(m.respondentId)!;
      const previous = existing.get(respondent.id);
      if (previous && LIVE.includes(previous.status)) continue;
      if (!respondent.email || respondent.erasedAt) {
        report.skipped.push({
          respondentId: respondent.id,
          reason: 'no e-mail address: invite this person by phone or letter',
        });
        continue;
      }
      await this.invite(ctx, respondent, previous ?? null);
      report.invited.push({ respondentId: respondent.id, firstName: respondent.firstName });
    }
    const previous = { leadId: session.invitedLeadId, noteId: session.invitedNoteId };
    report.moderatorsInvited = await this.updateModerators(study, session, previous, false);
    session.invitedAt ??= new Date();
    await this.sessions.saveSession(session);
    return report;
  }

  private async invite(ctx: ModeratorMailContext, respondent: Respondent, previous: Invitation | null): Promise<void> {
    const token = randomToken();
    await this.sessions.saveInvitation({
      id: previous?.id,
      studyId: ctx.study.id,
      sessionId: ctx.session.id,
      respondentId: respondent.id,
      tokenHash: hashToken(token),
      status: 'sent',
      sequence: ctx.session.sequence,
      sentAt: new Date(),
      respondedAt: null,
    });
    const locale = (await this.respondentQuery.screenerLocales([respondent.id])).get(respondent.id) ?? ctx.study.locale;
    // Someone who had an invitation to this session before (one that was cancelled) reads what changed; a newcomer does not.
    await this.mailer.inviteRespondent(ctx, respondent, { locale, token, isUpdate: previous !== null });
    await this.lifecycle.move([respondent.id], 'invited', 'invited');
  }

  /** Invites the current moderators who were not (or, with `everyone`, all of them) and cancels for those taken off. */
  private async updateModerators(
    study: Study,
    session: ScheduledSession,
    previous: ModeratorPair,
    everyone: boolean,
  ): Promise<number[]> {
    const current: [number, 'lead' | 'notes'][] = [
      [session.leadModeratorId, 'lead'],
      [session.noteModeratorId, 'notes'],
    ];
    const before = new Map<number, 'lead' | 'notes'>();
    if (previous.leadId !== null) before.set(previous.leadId, 'lead');
    if (previous.noteId !== null) before.set(previous.noteId, 'notes');
    const ctx = await this.moderatorContext(study, session);
    const invited: number[] = [];
    for (const [id, role] of current) {
      if (!everyone && before.get(id) === role) continue;
      const user = await this.users.byId(id);
      if (!user) continue;
      await this.mailer.inviteModerator(ctx, user, role, before.has(id));
      invited.push(id);
    }
    for (const [id, role] of before) {
      if (current.some(([c]) => c === id)) continue;
      const user = await this.users.byId(id);
      if (user) await this.mailer.cancelModerator(ctx, user, role);
    }
    session.invitedLeadId = session.leadModeratorId;
    session.invitedNoteId = session.noteModeratorId;
    return invited;
  }

  /** A link stops working (410, with the helpline) once the study is closed or the respondent erased. */
  private assertLinkOpen(study: Study, respondent: Respondent | null): Respondent {
    const closed = invitationLinkClosed(study, respondent);
    if (!closed) return respondent!;
    const helpPhone = study.helpPhone || this.config.helpPhone;
    const why = closed === 'erased' ? 'your data has been deleted' : 'the research has ended';
    throw new AppError(
      'gone',
      `invitation.${closed}`,
      `This link no longer works: ${why}. You need not do anything. Questions? Call ${helpPhone}.`,
      { helpPhone },
    );
  }

  private async moderatorContext(study: Study, session: ScheduledSession): Promise<ModeratorMailContext> {
    const [slot, group] = await inSequence(
      () => this.studyQuery.slot(session.slotId),
      () => this.groupQuery.findGroup(session.groupId),
    );
    const orgNames = await this.studyQuery.organisationNames([group!.organisationId]);
    const memberships = (await this.groupQuery.membershipsOfGroups([session.groupId])).filter(
      (m) => m.role === 'member',
    );
    const people = new Map(
      (await this.respondentQuery.byIds(memberships.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    return {
      study,
      session,
      slot: slot!,
      groupLabel: groupLabel(group!, orgNames.get(group!.organisationId) ?? '?', study.locale),
      quadrant: group!.quadrant,
      memberFirstNames: memberships.map((m) => people.get(m.respondentId)?.firstName ?? '?'),
    };
  }
}

function assertStudyOpen(study: Study): void {
  if (isClosedStudy(study))
    throw AppError.conflict(
      'study.closed',
      `Study "${study.slug}" is closed: no invitations, updates or promotions are sent any more.`,
    );
}

function linkInvalid(phone: string): AppError {
  return new AppError(
    'not_found',
    'invitation.link_invalid',
    `This link is not (or no longer) valid. Use the link in the most recent e-mail about the conversation, or call ${phone}.`,
    { helpPhone: phone },
  );
}
