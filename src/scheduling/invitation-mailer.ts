import { Inject, Injectable } from '@nestjs/common';
import type { UserAccount } from '../auth/auth-user';
import type { Locale, Quadrant } from '../common/domain';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { OutboxService } from '../mail/outbox.service';
import type { Respondent } from '../respondents/respondent';
import type { SessionSlot } from '../studies/study';
import { ResearchOrganisationService } from '../studies/research-organisation.service';
import type { Study } from '../studies/study';
import { formatDate } from '../common/format';
import { translator } from '../common/view-engine';
import { homeworkDeadline, isPastDeadline } from '../studies/homework-deadline';
import {
  buildInvitationIcs,
  CalendarPerson,
  formatDuration,
  formatSessionTime,
  moderatorBriefing,
  sessionUid,
} from './calendar';
import type { ScheduledSession } from './session.entity';

export interface SessionMailContext {
  study: Study;
  session: ScheduledSession;
  slot: SessionSlot;
  groupLabel: string;
}

export interface ModeratorMailContext extends SessionMailContext {
  quadrant: Quadrant;
  memberFirstNames: string[];
}

type Method = 'REQUEST' | 'CANCEL';

/** How one respondent is written to: their own language, their link token, and whether they were invited before. */
export interface RespondentLetter {
  locale: Locale;
  token: string;
  /** True when this person already had an invitation to this session: the e-mail then says what changed. */
  isUpdate: boolean;
}

/** "kwadrant <onderzoek@x.nl>" → name and address, for the calendar's ORGANIZER. */
export function parseMailbox(from: string): CalendarPerson {
  const match = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1].trim() || match[2], email: match[2].trim() }
    : { name: from.trim(), email: from.trim() };
}

export const respondentUid = (groupId: number, respondentId: number) => sessionUid(groupId, `r${respondentId}`);
export const moderatorUid = (groupId: number, userId: number) => sessionUid(groupId, `m${userId}`);

/**
 * Writes invitation, update and cancellation e-mails (with their calendar files) to the outbox, in the caller's
 * transaction. Each person gets their own message: nobody sees another's address.
 */
@Injectable()
export class InvitationMailer {
  constructor(
    private readonly outbox: OutboxService,
    private readonly researchOrganisation: ResearchOrganisationService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  private get organizer(): CalendarPerson {
    return parseMailbox(this.config.mailFrom);
  }

  private sessionFacts(ctx: SessionMailContext, locale: Locale, isUpdate: boolean) {
    const { study, session, slot } = ctx;
    const homeworkDeadlineAt = homeworkDeadline(session.startsAt, study.homeworkLeadDays);
    return {
      studyTitle: study.title,
      sessionTime: formatSessionTime(session.startsAt, session.endsAt, translator(locale)),
      minutes: study.sessionMinutes,
      duration: formatDuration(study.sessionMinutes, translator(locale)),
      onlineUrl: slot.onlineUrl,
      location: slot.location,
      helpPhone: study.helpPhone || this.config.helpPhone,
      homeworkLeadDays: study.homeworkLeadDays,
      // The same day the homework letter gives, so the two e-mails never disagree.
      homeworkDue: formatDate(homeworkDeadlineAt, locale),
      // Invited after that day (a member added late, a session moved closer): "before the conversation", as the
      // homework letter then says, rather than a date already past.
      homeworkLate: isPastDeadline(homeworkDeadlineAt, new Date()),
      sessionDay: formatDate(session.startsAt, locale),
      isUpdate,
    };
  }

  private calendarFile(method: Method, ics: string, locale: Locale) {
    const name = translator(locale)(method === 'CANCEL' ? 'calendar.file.cancellation' : 'calendar.file.invitation');
    return {
      filename: name,
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      content: Buffer.from(ics, 'utf8').toString('base64'),
    };
  }

  /** An invitation or (sequence > 0) an update, with confirm/decline links carrying the raw token. */
  /**
   * An invitation or (sequence > 0) an update, with confirm/decline links carrying the raw token. `locale` is the
   * respondent's own language; the links carry it so the page behind them speaks it too.
   */
  async inviteRespondent(ctx: SessionMailContext, respondent: Respondent, letter: RespondentLetter): Promise<void> {
    const { locale, token } = letter;
    await this.toRespondent('REQUEST', ctx, respondent, locale, letter.isUpdate, {
      confirmUrl: `${this.config.baseUrl}/c/${token}/confirm?lang=${locale}`,
      declineUrl: `${this.config.baseUrl}/c/${token}/decline?lang=${locale}`,
    });
  }

  async cancelRespondent(ctx: SessionMailContext, respondent: Respondent, locale: Locale): Promise<void> {
    await this.toRespondent('CANCEL', ctx, respondent, locale, true, {});
  }

  private async toRespondent(
    method: Method,
    ctx: SessionMailContext,
    respondent: Respondent,
    locale: Locale,
    isUpdate: boolean,
    links: Record<string, string>,
  ): Promise<void> {
    const facts = this.sessionFacts(ctx, locale, isUpdate);
    const title = translator(locale)('calendar.respondentTitle', { studyTitle: ctx.study.title });
    const ics = buildInvitationIcs({
      uid: respondentUid(ctx.session.groupId, respondent.id),
      sequence: ctx.session.sequence,
      method,
      start: ctx.session.startsAt,
      end: ctx.session.endsAt,
      title,
      description: [facts.sessionTime, ctx.slot.onlineUrl ?? ctx.slot.location ?? ''].filter(Boolean).join('\n'),
      location: ctx.slot.onlineUrl ?? ctx.slot.location ?? undefined,
      url: ctx.slot.onlineUrl ?? undefined,
      organizer: this.organizer,
      attendee: { name: respondent.firstName ?? respondent.email!, email: respondent.email! },
    });
    const verb = method === 'CANCEL' ? 'cancel' : 'invite';
    await this.outbox.enqueueTemplate({
      idempotencyKey: `${verb}:session:${ctx.session.id}:respondent:${respondent.id}:seq:${ctx.session.sequence}`,
      studyId: ctx.study.id,
      kind: method === 'CANCEL' ? 'invitation-cancellation' : 'invitation',
      to: respondent.email!,
      template: method === 'CANCEL' ? 'invitation-cancellation' : 'invitation',
      locale,
      // Who stands behind the study, in the footer of every e-mail to a respondent (full address: it leaves the platform).
      data: {
        ...facts,
        ...links,
        firstName: respondent.firstName,
        behind: await this.researchOrganisation.view(ctx.study, { absolute: true }),
      },
      attachments: [this.calendarFile(method, ics, locale)],
    });
  }

  /** `isUpdate`: this moderator was told about this session before (new time, or a new member list). */
  async inviteModerator(
    ctx: ModeratorMailContext,
    user: UserAccount,
    role: 'lead' | 'notes',
    isUpdate: boolean,
  ): Promise<void> {
    await this.toModerator('REQUEST', ctx, user, role, isUpdate);
  }

  async cancelModerator(ctx: ModeratorMailContext, user: UserAccount, role: 'lead' | 'notes'): Promise<void> {
    await this.toModerator('CANCEL', ctx, user, role, true);
  }

  private async toModerator(
    method: Method,
    ctx: ModeratorMailContext,
    user: UserAccount,
    role: 'lead' | 'notes',
    isUpdate: boolean,
  ): Promise<void> {
    const locale = ctx.study.locale;
    const facts = this.sessionFacts(ctx, locale, isUpdate);
    const members = ctx.memberFirstNames.map((firstName) => ({ firstName, quadrant: ctx.quadrant }));
    const prepUrl = `${this.config.baseUrl}/studies/${ctx.study.slug}/schedule`;
    const ics = buildInvitationIcs({
      uid: moderatorUid(ctx.session.groupId, user.id),
      sequence: ctx.session.sequence,
      method,
      start: ctx.session.startsAt,
      end: ctx.session.endsAt,
      title: `${ctx.study.title}: ${ctx.groupLabel}`,
      description: moderatorBriefing({ role, groupLabel: ctx.groupLabel, members, prepUrl }, translator(locale)),
      location: ctx.slot.onlineUrl ?? ctx.slot.location ?? undefined,
      url: ctx.slot.onlineUrl ?? undefined,
      organizer: this.organizer,
      attendee: { name: user.name, email: user.email },
    });
    const verb = method === 'CANCEL' ? 'cancel' : 'invite';
    await this.outbox.enqueueTemplate({
      idempotencyKey: `${verb}:session:${ctx.session.id}:moderator:${user.id}:seq:${ctx.session.sequence}`,
      studyId: ctx.study.id,
      kind: method === 'CANCEL' ? 'moderator-invitation-cancellation' : 'moderator-invitation',
      to: user.email,
      template: method === 'CANCEL' ? 'moderator-invitation-cancellation' : 'moderator-invitation',
      locale,
      data: {
        ...facts,
        name: user.name,
        isLead: role === 'lead',
        groupLabel: ctx.groupLabel,
        members,
        scheduleUrl: prepUrl,
      },
      attachments: [this.calendarFile(method, ics, locale)],
    });
  }
}
