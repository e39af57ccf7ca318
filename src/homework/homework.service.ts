import { isDeepStrictEqual } from 'util';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Propagation, Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale, RespondentStatus } from '../common/domain';
import { formatDate } from '../common/format';
import { OutboxService } from '../mail/outbox.service';
import type { Respondent } from '../respondents/respondent';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { ResearchOrganisationService } from '../studies/research-organisation.service';
import type { ResearchOrganisationView } from '../studies/research-organisation';
import type { Study } from '../studies/study';
import { StudyQueryService } from '../studies/study-query.service';
import { validateSubmission } from '../surveys/survey-validator';
import { GroupQueryService } from '../groups/group-query.service';
import { SchedulingQueryService, type SessionRecord } from '../scheduling/scheduling-query.service';
import { mayReadGroupHomework } from './homework-access';
import { homeworkDeadline, isPastDeadline, isReminderDue } from '../studies/homework-deadline';
import { draftProblems } from './draft-check';
import { HomeworkAnswers, HomeworkAssignment, newAssignment } from './homework-assignment.entity';
import { HomeworkForm, homeworkForm } from './homework-form';
import { Credentials, HomeworkLinksService } from './homework-links.service';
import { HOMEWORK_OPTIONS, HomeworkOptions } from '../config/homework-options';
import { canEdit, homeworkStatus, HomeworkStatus } from './homework-rules';
import { AssignmentState, HomeworkRepository, LinkLookup } from './homework.repository';
import { inSequence } from '../common/in-sequence';

export interface DraftInput {
  revision: number;
  data: HomeworkAnswers;
  currentPage?: string | null;
}

/** What the respondent's page needs to show the form and resume where they were. */
export interface HomeworkState {
  revision: number;
  data: HomeworkAnswers;
  currentPage: string | null;
  savedAt: Date | null;
  submittedAt: Date | null;
  /** Changed after sending and not sent again: the page goes on editing instead of showing what was sent. */
  unsentChanges: boolean;
  late: boolean;
  deadline: Date;
  /** The deadline has passed: answers are still welcome until the session, and the page says so. */
  pastDeadline: boolean;
  sessionStartsAt: Date;
  canEdit: boolean;
  status: HomeworkStatus;
  locale: Locale;
  organisation: string;
  definition: object;
}

export interface SendResult {
  created: number;
  letters: number;
  /** Members without an e-mail address: their letter must be printed and posted. */
  withoutEmail: number[];
  /** Members who were never invited to the session (or whose invitation was cancelled): they get no homework. */
  notInvited: number[];
}

const INVITED: readonly RespondentStatus[] = ['invited', 'confirmed', 'participated'];

/** Assignments, the letter and reminder e-mails, autosave, submission and paper entry. */
@Injectable()
export class HomeworkService {
  private readonly logger = new Logger(HomeworkService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly homework: HomeworkRepository,
    private readonly studies: StudyQueryService,
    private readonly respondents: RespondentQueryService,
    private readonly groups: GroupQueryService,
    private readonly scheduling: SchedulingQueryService,
    private readonly links: HomeworkLinksService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly researchOrganisation: ResearchOrganisationService,
    @Inject(HOMEWORK_OPTIONS) private readonly options: HomeworkOptions,
  ) {}

  /**
   * For InvitationResponsesService.confirm: the confirmed member gets their assignment and letter in the same
   * transaction. Calling it again changes nothing, except moving the deadline when the session moved.
   */
  // Only meaningful inside the caller's unit of work: refuses to run outside one.
  @Transactional(Propagation.Mandatory)
  async assignForConfirmedMember(
    respondentId: number,
    sessionId: number,
    actor: AuthUser | null = null,
  ): Promise<HomeworkAssignment> {
    const session = await this.scheduling.findSession(sessionId);
    if (!session) throw AppError.notFound('scheduled_session', sessionId);
    const [study, respondent] = await inSequence(
      () => this.studies.byId(session.studyId),
      () => this.respondents.byId(respondentId),
    );
    if (!study) throw AppError.notFound('study', session.studyId);
    if (!respondent || respondent.studyId !== study.id) throw AppError.notFound('respondent', respondentId);
    return this.assign(study, session, respondent, actor);
  }

  /** A researcher's "send homework" for a group: assignments and letters for every member who has none yet. */
  @Transactional()
  async sendForGroup(slug: string, groupId: number, actor: AuthUser | null): Promise<SendResult> {
    const study = await this.study(slug);
    if (study.status === 'closed')
      throw AppError.conflict(
        'study.closed',
        `Study "${study.slug}" is closed: no homework letters are sent any more.`,
      );
    const group = await this.groups.findGroupOfStudy(study.id, groupId);
    if (!group) throw AppError.notFound('group', groupId);
    const [session] = await this.scheduling.scheduledSessionsOfGroups([group.id]);
    if (!session)
      throw AppError.conflict(
        'homework.no_session',
        'This group has no scheduled session yet, so there is no deadline. Schedule the group first.',
      );
    const members = await this.groups.membersOfGroups([group.id]);
    const respondents = await this.respondents.byIds(members.map((m) => m.respondentId));
    const result: SendResult = { created: 0, letters: 0, withoutEmail: [], notInvited: [] };
    // Homework thanks people for taking part in a session: only those who were invited to it (and did not decline) get it.
    const invited = respondents.filter((r) => INVITED.includes(r.status));
    result.notInvited = respondents
      .filter((r) => !INVITED.includes(r.status) && r.status !== 'erased')
      .map((r) => r.id);
    if (!invited.length) {
      throw AppError.conflict(
        'homework.not_invited',
        'Nobody in this group has been invited to the session yet, so nobody can get homework. Send the invitations first.',
        { notInvited: result.notInvited },
      );
    }
    for (const respondent of invited) {
      if (await this.homework.findByRespondent(respondent.id)) continue;
      const assignment = await this.assign(study, session, respondent, actor);
      result.created++;
      if (assignment.letterSentAt) result.letters++;
      else result.withoutEmail.push(respondent.id);
    }
    return result;
  }

  private async assign(
    study: Study,
    session: SessionRecord,
    respondent: Respondent,
    actor: AuthUser | null,
  ): Promise<HomeworkAssignment> {
    const deadline = homeworkDeadline(session.startsAt, study.homeworkLeadDays);
    const existing = await this.homework.findByRespondent(respondent.id);
    if (existing) {
      // A move to another session, or the same session rescheduled: the deadline follows the session.
      const moved =
        existing.sessionId !== session.id || existing.sessionStartsAt.getTime() !== session.startsAt.getTime();
      if (moved && !existing.submittedAt) {
        Object.assign(existing, {
          sessionId: session.id,
          groupId: session.groupId,
          sessionStartsAt: session.startsAt,
          deadline,
        });
        await this.homework.save(existing);
      }
      return existing;
    }
    const credentials = await this.links.uniqueCredentials();
    const now = new Date();
    const assignment = await this.homework.insert(
      newAssignment({
        studyId: study.id,
        groupId: session.groupId,
        respondentId: respondent.id,
        sessionId: session.id,
        sessionStartsAt: session.startsAt,
        deadline,
        credentialNonce: credentials.nonce,
        tokenHash: credentials.tokenHash,
        codeHash: credentials.codeHash,
        locale: study.locale,
        letterSentAt: respondent.email ? now : null,
        createdAt: now,
      }),
    );
    if (respondent.email) {
      await this.outbox.enqueueTemplate({
        idempotencyKey: `homework-letter:assignment:${assignment.id}`,
        studyId: study.id,
        kind: 'homework-letter',
        to: respondent.email,
        template: 'homework-letter',
        locale: study.locale,
        data: await this.letterData(study, assignment, respondent, credentials),
      });
    }
    await this.audit.record({
      actor,
      action: 'homework.assign',
      studyId: study.id,
      subjectType: 'respondent',
      subjectId: respondent.id,
      details: { assignmentId: assignment.id, sessionId: session.id, letter: !!respondent.email },
    });
    return assignment;
  }

  // A clash of two 40-bit codes is very unlikely, but the unique index would turn it into a failed confirmation.
  /** The research organisation's logo for the paper version, or null. */
  logoOf(studyId: number): Promise<Buffer | null> {
    return this.researchOrganisation.logoOf(studyId);
  }

  /** Who stands behind the study of an assignment and its helpline, for the respondent's pages. */
  async behindOf(studyId: number): Promise<{ behind: ResearchOrganisationView | null; helpPhone: string }> {
    const study = await this.studies.byId(studyId);
    return {
      behind: study ? await this.researchOrganisation.view(study) : null,
      helpPhone: this.links.helpPhone(study?.helpPhone),
    };
  }

  /** Everything the letter (e-mail, print and PDF) says, in the study's language; without credentials, no link or code. */
  async letterData(
    study: Study,
    assignment: HomeworkAssignment,
    respondent: Respondent | null,
    credentials: Credentials | null,
  ): Promise<Record<string, unknown>> {
    const link = respondent?.organisationId ? await this.studies.partner(study.id, respondent.organisationId) : null;
    const locale = study.locale;
    return {
      name: respondent?.firstName ?? '',
      studyTitle: study.title,
      // The contact person comes with the partnership; the name stays when the partner is removed, as on the form.
      organisation: link?.organisation.name ?? (await this.organisationNameOf(respondent)),
      sessionDay: formatDate(assignment.sessionStartsAt, locale),
      deadline: formatDate(assignment.deadline, locale),
      // A member who joins after the deadline (a reserve moving up late) is still welcome until the session.
      late: isPastDeadline(assignment.deadline, new Date()),
      helpPhone: this.links.helpPhone(study.helpPhone),
      contactName: link?.contactName ?? '',
      contactPhone: link?.contactPhone ?? '',
      contactEmail: link?.contactEmail ?? '',
      returnAddress: study.returnAddress,
      // Letters leave the platform (e-mail, PDF): the logo needs a full address.
      behind: await this.researchOrganisation.view(study, { absolute: true }),
      link: credentials ? this.links.link(credentials.token) : null,
      code: credentials ? this.links.displayCode(credentials.code) : null,
      codeUrl: this.links.codeEntryUrl(),
    };
  }

  async state(lookup: LinkLookup, now = new Date()): Promise<HomeworkState> {
    const a = lookup.assignment;
    const form = await this.formOf(a);
    return {
      revision: a.revision,
      data: a.draft ?? a.submitted ?? {},
      currentPage: a.currentPage,
      savedAt: a.draftSavedAt,
      submittedAt: a.submittedAt,
      unsentChanges: !!a.submittedAt && !!a.draft && !isDeepStrictEqual(a.draft, a.submitted),
      late: a.late,
      deadline: a.deadline,
      pastDeadline: isPastDeadline(a.deadline, now),
      sessionStartsAt: a.sessionStartsAt,
      canEdit: canEdit(a, now),
      status: homeworkStatus(a),
      locale: a.locale,
      organisation: form.organisation,
      definition: form.definition,
    };
  }

  /**
   * Autosave: checked against the form, then saved in one statement if the link opens, the answers may change
   * and the revision is the newest. Only when nothing was saved is the link looked up, to say why.
   */
  async saveDraft(
    key: string,
    input: DraftInput,
    ip: string,
    now = new Date(),
  ): Promise<{ revision: number; savedAt: Date }> {
    const form = draftForm();
    const problems = draftProblems(form.shapes, input.data);
    if (problems.length)
      throw AppError.invalid('homework.draft_invalid', 'Some answers could not be saved.', fieldMap(problems));
    const currentPage = input.currentPage && form.pageNames.has(input.currentPage) ? input.currentPage : null;
    const refused = await this.links.saveDraftIfEditable(
      key,
      ip,
      { revision: input.revision, data: input.data, currentPage },
      now,
    );
    if (!refused) return { revision: input.revision + 1, savedAt: now };
    const { assignment } = refused;
    this.assertEditable(assignment, now);
    throw await this.stale(assignment.id);
  }

  async submit(
    key: string,
    input: DraftInput,
    ip: string,
    now = new Date(),
  ): Promise<{ revision: number; submittedAt: Date; late: boolean }> {
    const { assignment } = await this.links.resolveState(key, ip, now);
    this.assertEditable(assignment, now);
    const answers = validated(await this.formOf(assignment), input.data);
    const late = isPastDeadline(assignment.deadline, now);
    const changes = { now, late, source: 'online' as const, paperEnteredBy: null };
    if (!(await this.homework.submit(assignment.id, input.revision, answers, changes)))
      throw await this.stale(assignment.id);
    return { revision: input.revision + 1, submittedAt: now, late };
  }

  /** A researcher types in a homework that came back on paper; marked as such and audited. */
  @Transactional()
  async enterPaper(
    slug: string,
    assignmentId: number,
    data: HomeworkAnswers,
    actor: AuthUser,
    now = new Date(),
  ): Promise<HomeworkAssignment> {
    const study = await this.study(slug);
    const assignment = await this.homework.findById(assignmentId);
    if (!assignment || assignment.studyId !== study.id) throw AppError.notFound('homework_assignment', assignmentId);
    // Typing in a paper form shows and replaces the answers: the same readers as the preparation view.
    const [session] = await this.scheduling.scheduledSessionsOfGroups([assignment.groupId]);
    if (!mayReadGroupHomework(actor, session ?? null))
      throw AppError.forbidden(
        'Only the moderators of this group’s session (and admins) can enter its homework.',
        'error.auth.forbidden.homeworkWriters',
      );
    const answers = validated(await this.formOf(assignment), data);
    const late = isPastDeadline(assignment.deadline, now);
    const current = (await this.homework.findById(assignmentId))!;
    await this.homework.submit(assignmentId, current.revision, answers, {
      now,
      late,
      source: 'paper',
      paperEnteredBy: actor.email,
    });
    await this.audit.record({
      actor,
      action: 'homework.paper_entry',
      studyId: study.id,
      subjectType: 'respondent',
      subjectId: assignment.respondentId,
      details: { assignmentId, late, replacedOnline: !!current.submittedAt && !current.enteredFromPaper },
    });
    return (await this.homework.findById(assignmentId))!;
  }

  /** One reminder per assignment, reminderDays before the deadline, to members who have not sent their homework. */
  async sendReminders(opts: { slug?: string; now?: Date } = {}): Promise<{ checked: number; sent: number }> {
    const now = opts.now ?? new Date();
    const study = opts.slug ? await this.study(opts.slug) : undefined;
    const candidates = await this.homework.reminderCandidates(now, study?.id);
    const studies = new Map<number, { study: Study | null; days: number }>();
    let sent = 0;
    for (const assignment of candidates) {
      if (!studies.has(assignment.studyId)) {
        const s = study ?? (await this.studies.byId(assignment.studyId));
        studies.set(assignment.studyId, { study: s, days: s ? await this.reminderDays(s.id) : 0 });
      }
      const { study: s, days } = studies.get(assignment.studyId)!;
      if (!s || s.status === 'closed' || !isReminderDue(assignment.deadline, days, now)) continue;
      const respondent = await this.respondents.byId(assignment.respondentId);
      if (!respondent?.email || respondent.status === 'erased') continue;
      const didSend = await this.txHost.withTransaction(async () => {
        if (!(await this.homework.claimReminder(assignment.id, now))) return false;
        const credentials = await this.links.currentCredentials(assignment);
        await this.outbox.enqueueTemplate({
          idempotencyKey: `homework-reminder:assignment:${assignment.id}`,
          studyId: s.id,
          kind: 'homework-reminder',
          to: respondent.email!,
          template: 'homework-reminder',
          locale: s.locale,
          data: await this.letterData(s, assignment, respondent, credentials),
        });
        return true;
      });
      if (didSend) sent++;
    }
    if (sent) this.logger.log({ msg: 'homework reminders', sent });
    return { checked: candidates.length, sent };
  }

  async reminderDays(studyId: number): Promise<number> {
    return (await this.homework.findSetting(studyId))?.reminderDays ?? this.options.reminderDays;
  }

  async settings(slug: string): Promise<{ reminderDays: number | null; defaultReminderDays: number }> {
    const study = await this.study(slug);
    return {
      reminderDays: (await this.homework.findSetting(study.id))?.reminderDays ?? null,
      defaultReminderDays: this.options.reminderDays,
    };
  }

  async updateSettings(
    slug: string,
    reminderDays: number | null,
    actor: AuthUser,
  ): Promise<{ reminderDays: number | null; defaultReminderDays: number }> {
    const study = await this.study(slug);
    await this.txHost.withTransaction(async () => {
      await this.homework.saveSetting({ studyId: study.id, reminderDays });
      await this.audit.record({
        actor,
        action: 'homework.settings',
        studyId: study.id,
        subjectType: 'study',
        subjectId: study.slug,
        details: { reminderDays },
      });
    });
    return this.settings(slug);
  }

  /** For the respondents' erasure: their words go with their name, and their link answers 410 from now on. */
  // Only meaningful inside the caller's unit of work: refuses to run outside one.
  @Transactional(Propagation.Mandatory)
  eraseRespondent(respondentId: number): Promise<void> {
    return this.homework.erase(respondentId, new Date());
  }

  /**
   * For closing a study (study-flow): its links answer 410 and its answers can no longer change. Only meaningful
   * inside the closing's unit of work: refuses to run outside one.
   */
  @Transactional(Propagation.Mandatory)
  closeLinksOfStudy(studyId: number): Promise<void> {
    return this.homework.closeStudy(studyId, new Date());
  }

  /** For reopening a study: its links open again (except those of erased respondents). */
  @Transactional(Propagation.Mandatory)
  reopenLinksOfStudy(studyId: number): Promise<void> {
    return this.homework.reopenStudy(studyId);
  }

  async study(slug: string): Promise<Study> {
    const study = await this.studies.bySlug(slug);
    if (!study) throw AppError.notFound('study', slug);
    return study;
  }

  /** The form of the respondent's organisation (the letter and questions name it). */
  async formOf(assignment: Pick<HomeworkAssignment, 'studyId' | 'respondentId'>): Promise<OrganisationForm> {
    return formFor(await this.organisationNameOf(await this.respondents.byId(assignment.respondentId)));
  }

  /** By id, not through the study's partner list: the name stays if the partner is later removed from the study. */
  private async organisationNameOf(respondent: Pick<Respondent, 'organisationId'> | null): Promise<string> {
    const id = respondent?.organisationId;
    return (id ? (await this.studies.organisationNames([id])).get(id) : undefined) ?? '';
  }

  private assertEditable(assignment: AssignmentState, now: Date): void {
    if (!canEdit(assignment, now)) {
      throw AppError.conflict(
        'homework.deadline_passed',
        'The deadline has passed and your answers were already sent, so they can no longer be changed. Thank you!',
      );
    }
  }

  private async stale(id: number): Promise<AppError> {
    const current = await this.homework.findById(id);
    return AppError.conflict(
      'homework.stale_revision',
      'These answers were changed in another window or on another device. Load the newest version to continue.',
      {
        revision: current?.revision ?? null,
        savedAt: current?.draftSavedAt?.toISOString() ?? null,
      },
    );
  }
}

export interface OrganisationForm extends HomeworkForm {
  organisation: string;
  pageNames: Set<string>;
}

const pageNameCache = new WeakMap<object, Set<string>>();
function formFor(organisation: string): OrganisationForm {
  const form = homeworkForm(organisation);
  let pageNames = pageNameCache.get(form.definition);
  if (!pageNames) {
    pageNames = new Set(((form.definition as { pages?: { name: string }[] }).pages ?? []).map((p) => p.name));
    pageNameCache.set(form.definition, pageNames);
  }
  return { ...form, organisation, pageNames };
}

/**
 * What a draft is checked against. The organisation only appears in the form's texts, never in its questions,
 * choices or pages (homework-form.spec.ts holds that), so autosave needs no lookup to know the form.
 */
let anyOrganisationForm: OrganisationForm | undefined;
function draftForm(): OrganisationForm {
  return (anyOrganisationForm ??= formFor(''));
}

// The full check with survey-core: required answers, visibility, choices. Only on submit (it takes milliseconds).
function validated(form: HomeworkForm, data: HomeworkAnswers): HomeworkAnswers {
  const result = validateSubmission(form.definition, data);
  if (!result.ok)
    throw AppError.invalid(
      'homework.answers_invalid',
      'Some answers are missing or not right. The form shows which.',
      fieldMap(result.errors),
    );
  return result.data;
}

function fieldMap(errors: { field: string; message: string }[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field || 'answers', e.message]));
}
