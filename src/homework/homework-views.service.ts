import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { translator } from '../common/view-engine';
import type { Locale, Quadrant, RespondentStatus } from '../common/domain';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { StudyQueryService } from '../studies/study-query.service';
import { CONVERSATION_GUIDE, conversationGuide } from '../surveys/conversation-guide';
import { GroupQueryService } from '../groups/group-query.service';
import { SchedulingQueryService, type SessionRecord } from '../scheduling/scheduling-query.service';
import { HomeworkAnswers, HomeworkAssignment } from './homework-assignment.entity';
import { answerText, formPages, FormPage } from './homework-form';
import { mayReadGroupHomework, maySeeLetterCredentials } from './homework-access';
import { HomeworkLinksService } from './homework-links.service';
import { homeworkStatus, HomeworkStatus } from './homework-rules';
import { HomeworkRepository, LinkLookup } from './homework.repository';
import { HomeworkService } from './homework.service';

export interface MemberStatus {
  respondentId: number;
  name: string;
  assignmentId: number | null;
  status: HomeworkStatus | 'none' | 'erased';
  deadline: Date | null;
  submittedAt: Date | null;
  savedAt: Date | null;
  hasEmail: boolean;
  /** The file imported answers came from. */
  importedFrom: string | null;
}

export interface GroupStatus {
  groupId: number;
  organisation: string;
  quadrant: Quadrant;
  sessionStartsAt: Date | null;
  deadline: Date | null;
  isModerator: boolean;
  /** Whether this user may open the members' answers (preparation view, print, PDF, paper entry). */
  mayReadHomework: boolean;
  members: MemberStatus[];
  counts: Record<MemberStatus['status'], number>;
  /** Invited members without homework yet: what "send homework" would reach (only invited people get it). */
  invitedWithout: number;
}

export interface PrepCell {
  text: string;
  rating: string | null;
}

export interface PrepView {
  study: { slug: string; title: string };
  group: { id: number; organisation: string; quadrant: Quadrant };
  sessionStartsAt: Date | null;
  members: { name: string; status: MemberStatus['status']; fromDraft: boolean }[];
  pages: { title: string; rows: { title: string; isRating: boolean; cells: PrepCell[] }[] }[];
  guide: { title: string; minutes: number; points: string[] }[];
  guideMinutes: number;
}

const HOMEWORK_READERS_ONLY = 'Only the moderators of this group’s session (and admins) can see its homework.';

export interface PrintView {
  letter: Record<string, unknown>;
  pages: FormPage[];
  answers: Record<string, string>;
  locale: Locale;
  /** The research organisation's logo (PNG or JPEG), printed above the letter. */
  logo?: Buffer | null;
}

/** The researchers' views (status per group, the preparation view) and the printable letter and form. */
const INVITED: readonly RespondentStatus[] = ['invited', 'confirmed', 'participated'];

@Injectable()
export class HomeworkViewsService {
  constructor(
    private readonly homework: HomeworkRepository,
    private readonly studies: StudyQueryService,
    private readonly respondents: RespondentQueryService,
    private readonly groups: GroupQueryService,
    private readonly scheduling: SchedulingQueryService,
    private readonly service: HomeworkService,
    private readonly links: HomeworkLinksService,
    private readonly audit: AuditService,
  ) {}

  async statusOfStudy(
    slug: string,
    user: AuthUser,
  ): Promise<{ study: { slug: string; title: string; id: number }; groups: GroupStatus[] }> {
    const study = await this.service.study(slug);
    const groups = await this.groups.groupsOfStudy(study.id);
    const ids = groups.map((g) => g.id);
    const [members, sessions, assignments, organisations] = await Promise.all([
      this.groups.membersOfGroups(ids),
      this.scheduling.scheduledSessionsOfGroups(ids),
      this.homework.ofStudy(study.id),
      // By id, not through the partner list: a group keeps its organisation's name after the partner is removed.
      this.studies.organisationNames([...new Set(groups.map((g) => g.organisationId))]),
    ]);
    const respondents = new Map(
      (await this.respondents.byIds(members.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    const byRespondent = new Map(assignments.map((a) => [a.respondentId, a]));
    return {
      study: { id: study.id, slug: study.slug, title: study.title },
      groups: groups.map((g) => {
        const session = sessions.find((s) => s.groupId === g.id) ?? null;
        const rows: MemberStatus[] = members
          .filter((m) => m.groupId === g.id)
          .map((m) => {
            const r = respondents.get(m.respondentId);
            const a = byRespondent.get(m.respondentId);
            const erased = !r || r.status === 'erased';
            return {
              respondentId: m.respondentId,
              name: erased ? '—' : (r.firstName ?? `#${m.respondentId}`),
              assignmentId: a?.id ?? null,
              status: erased ? 'erased' : a ? homeworkStatus(a) : 'none',
              deadline: a?.deadline ?? null,
              submittedAt: a?.submittedAt ?? null,
              savedAt: a?.draftSavedAt ?? null,
              hasEmail: !!r?.email,
              importedFrom: a?.submittedAt ? (a.importedFrom ?? null) : null,
            };
          });
        const counts = { none: 0, erased: 0, 'not-started': 0, draft: 0, submitted: 0, late: 0, paper: 0, imported: 0 };
        for (const row of rows) counts[row.status]++;
        return {
          groupId: g.id,
          organisation: organisations.get(g.organisationId) ?? '',
          quadrant: g.quadrant,
          sessionStartsAt: session?.startsAt ?? null,
          deadline: rows.find((r) => r.deadline)?.deadline ?? null,
          isModerator: isModerator(session, user),
          mayReadHomework: mayReadGroupHomework(user, session),
          members: rows,
          counts,
          invitedWithout: members.filter(
            (m) =>
              m.groupId === g.id &&
              !byRespondent.has(m.respondentId) &&
              INVITED.includes(respondents.get(m.respondentId)?.status ?? 'erased'),
          ).length,
        };
      }),
    };
  }

  /** The members' answers side by side, for the moderators of the group's session (and admins) only. */
  async prep(slug: string, groupId: number, user: AuthUser, locale: Locale): Promise<PrepView> {
    const study = await this.service.study(slug);
    const group = await this.groups.findGroupOfStudy(study.id, groupId);
    if (!group) throw AppError.notFound('group', groupId);
    const session = await this.assertMayRead(group.id, user);
    const members = await this.groups.membersOfGroups([group.id]);
    const respondents = new Map(
      (await this.respondents.byIds(members.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    const assignments = new Map((await this.homework.ofGroup(group.id)).map((a) => [a.respondentId, a]));
    const organisation = (await this.studies.organisationNames([group.organisationId])).get(group.organisationId) ?? '';
    const pages = formPages(
      (await this.service.formOf({ studyId: study.id, respondentId: members[0]?.respondentId ?? 0 })).definition,
      locale,
    );
    const shown = members.filter((m) => respondents.get(m.respondentId)?.status !== 'erased');
    await this.audit.record({
      actor: user,
      action: 'homework.prep.read',
      studyId: study.id,
      subjectType: 'group',
      subjectId: group.id,
      details: { respondentIds: shown.map((m) => m.respondentId) },
    });
    const answersOf = (a: HomeworkAssignment | undefined) => (a ? (a.submitted ?? a.draft ?? {}) : {});
    return {
      study: { slug: study.slug, title: study.title },
      group: { id: group.id, organisation, quadrant: group.quadrant },
      sessionStartsAt: session?.startsAt ?? null,
      members: shown.map((m) => {
        const a = assignments.get(m.respondentId);
        return {
          name: respondents.get(m.respondentId)?.firstName ?? `#${m.respondentId}`,
          status: a ? homeworkStatus(a) : 'none',
          fromDraft: !!a && !a.submittedAt && a.revision > 0,
        };
      }),
      pages: pages
        .filter((p) => p.questions.length)
        .map((p) => ({
          title: p.title,
          rows: p.questions.map((q) => ({
            title: q.title,
            isRating: q.isRating,
            cells: shown.map((m) => {
              const value = answersOf(assignments.get(m.respondentId))[q.name];
              const text = answerText(q, value);
              // The face is drawn beside the word; the word stays, for screen readers and for anyone who cannot read the face.
              return { text, rating: (q.isRating && q.choices.find((c) => c.value === value)?.face) || null };
            }),
          })),
        })),
      guide: conversationGuide(translator(locale)),
      guideMinutes: CONVERSATION_GUIDE.reduce((sum, s) => sum + s.minutes, 0),
    };
  }

  /** The respondent's own letter and form, from their link. */
  async printForLink(lookup: LinkLookup): Promise<PrintView> {
    // What the form shows them: changes made after sending count too, as on their screen.
    const a = lookup.assignment;
    return this.print(a, a.draft ?? a.submitted ?? {}, true);
  }

  /**
   * A member's letter and form for the group's moderators and admins (homework-access.ts); the working link and
   * code only for admins. Every print is an audit event (`format`: print or pdf).
   */
  async printForResearcher(
    slug: string,
    assignmentId: number,
    user: AuthUser,
    format: 'print' | 'pdf',
  ): Promise<PrintView> {
    const assignment = await this.readableAssignment(slug, assignmentId, user);
    const withCredentials = maySeeLetterCredentials(user);
    await this.audit.record({
      actor: user,
      action: `homework.${format}.read`,
      studyId: assignment.studyId,
      subjectType: 'respondent',
      subjectId: assignment.respondentId,
      details: { assignmentId, withCredentials },
    });
    // What was sent: the moderators prepare with that, not with changes the respondent has not sent yet.
    return this.print(assignment, assignment.submitted ?? assignment.draft ?? {}, withCredentials);
  }

  private async print(
    assignment: HomeworkAssignment,
    values: HomeworkAnswers,
    withCredentials: boolean,
  ): Promise<PrintView> {
    const study = (await this.studies.byId(assignment.studyId))!;
    const respondent = await this.respondents.byId(assignment.respondentId);
    const form = await this.service.formOf(assignment);
    const credentials = withCredentials ? await this.links.currentCredentials(assignment) : null;
    const letter = await this.service.letterData(study, assignment, respondent, credentials);
    const pages = formPages(form.definition, study.locale);
    const answers: Record<string, string> = {};
    for (const q of pages.flatMap((p) => p.questions)) answers[q.name] = answerText(q, values[q.name]);
    return { letter, pages, answers, locale: study.locale, logo: await this.service.logoOf(study.id) };
  }

  /** An assignment for typing in its paper form: the same rule as the preparation view; the read is audited. */
  async paperEntryOf(slug: string, assignmentId: number, user: AuthUser): Promise<HomeworkAssignment> {
    const assignment = await this.readableAssignment(slug, assignmentId, user);
    await this.audit.record({
      actor: user,
      action: 'homework.paper.read',
      studyId: assignment.studyId,
      subjectType: 'respondent',
      subjectId: assignment.respondentId,
      details: { assignmentId },
    });
    return assignment;
  }

  private async readableAssignment(slug: string, assignmentId: number, user: AuthUser): Promise<HomeworkAssignment> {
    const study = await this.service.study(slug);
    const assignment = await this.homework.findById(assignmentId);
    if (!assignment || assignment.studyId !== study.id) throw AppError.notFound('homework_assignment', assignmentId);
    await this.assertMayRead(assignment.groupId, user);
    return assignment;
  }

  private async assertMayRead(groupId: number, user: AuthUser): Promise<SessionRecord | null> {
    const [session] = await this.scheduling.scheduledSessionsOfGroups([groupId]);
    if (!mayReadGroupHomework(user, session ?? null))
      throw AppError.forbidden(HOMEWORK_READERS_ONLY, 'error.auth.forbidden.homeworkReaders');
    return session ?? null;
  }
}

function isModerator(session: SessionRecord | null, user: AuthUser): boolean {
  return !!session && (session.leadModeratorId === user.id || session.noteModeratorId === user.id);
}
