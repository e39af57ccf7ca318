import { Inject, Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { IMPORT_LIMITS, ImportLimitError, ImportLimits } from '../common/import/import-limits';
import { ProblemList } from '../common/import/problem-list';
import { fileTooLarge } from '../common/import/uploaded-file';
import { getTranslations } from '../common/view-engine';
import type { Respondent } from '../respondents/respondent';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import type { Study } from '../studies/study';
import { StudyQueryService } from '../studies/study-query.service';
import { validateSubmission } from '../surveys/survey-validator';
import { homeworkDeadline, isPastDeadline } from '../studies/homework-deadline';
import { GroupQueryService } from '../groups/group-query.service';
import { SchedulingQueryService, type SessionRecord } from '../scheduling/scheduling-query.service';
import { HomeworkAnswers, HomeworkAssignment, newAssignment } from './homework-assignment.entity';
import { homeworkForm } from './homework-form';
import { HomeworkFileError, HomeworkFileRow, readHomeworkFile } from './homework-import-file';
import { ImportHeader, importQuestions, ImportQuestion, RowProblem, rowAnswers } from './homework-import-row';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkRepository } from './homework.repository';

type GroupMember = Awaited<ReturnType<GroupQueryService['membershipsOfRespondents']>>[number];

export interface HomeworkImportOptions {
  dryRun?: boolean;
  /** Replace answers a respondent already sent (or is typing): without it, such a row is a problem. */
  replace?: boolean;
}

/** create: a new assignment; fill: an assignment nobody answered yet; replace: answers there were are replaced. */
export type HomeworkImportAction = 'create' | 'fill' | 'replace';

export interface HomeworkImportProblem extends RowProblem {
  /** The problem in the reader's language. */
  reason: string;
}

export interface HomeworkImportReport {
  file: string;
  dryRun: boolean;
  replace: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows without a problem: what would be (dry run) or was stored. */
  readable: number;
  imported: number;
  /** Of those: new assignments, and answers that replaced others. */
  created: number;
  replaced: number;
  /** The first rows (at most 100) with what happens to them. */
  planned: { line: number; respondentId: number; action: HomeworkImportAction }[];
  /** The first problems (at most 100); errorCount counts them all. */
  errors: HomeworkImportProblem[];
  errorCount: number;
  /** Lines (rows, or the header) with at least one problem. */
  unreadableRows: number;
}

/** A row ready to store: whose answers, already checked against their form. */
interface PlannedRow {
  line: number;
  respondent: Respondent;
  groupId: number;
  assignment: HomeworkAssignment | undefined;
  answers: HomeworkAnswers;
  action: HomeworkImportAction;
}

const LISTED_ROWS = 100;

const questionCache = new Map<string, ImportQuestion[]>();
/** Each organisation's form names it in one choice's text ("who took the initiative"), so its questions are its own. */
function questionsOf(organisation: string): ImportQuestion[] {
  let questions = questionCache.get(organisation);
  if (!questions) questionCache.set(organisation, (questions = importQuestions(homeworkForm(organisation).definition)));
  return questions;
}

/**
 * Homework answers typed in elsewhere (from paper, or another survey tool's export) for the respondents of a
 * study: every row checked as a submission is, and then all rows stored, or none.
 */
@Injectable()
export class HomeworkImportService {
  constructor(
    private readonly homework: HomeworkRepository,
    private readonly studies: StudyQueryService,
    private readonly respondents: RespondentQueryService,
    private readonly groups: GroupQueryService,
    private readonly scheduling: SchedulingQueryService,
    private readonly links: HomeworkLinksService,
    private readonly audit: AuditService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  async import(
    slug: string,
    file: { buffer: Buffer; name: string },
    opts: HomeworkImportOptions,
    actor: AuthUser | null,
    locale: Locale = 'en',
    now = new Date(),
  ): Promise<HomeworkImportReport> {
    if (!file.buffer.length)
      throw AppError.invalid(
        'import.empty',
        `${file.name} is empty: choose a CSV or Excel (.xlsx) file with homework answers.`,
      );
    if (file.buffer.length > this.limits.maxBytes) throw fileTooLarge(file.name, this.limits.maxBytes);
    const study = await this.studies.bySlug(slug);
    if (!study) throw AppError.notFound('study', slug);
    if (study.status === 'closed')
      throw AppError.conflict(
        'study.closed',
        `Study "${study.slug}" is closed: no homework answers are imported any more.`,
      );

    // Question names and choice values are the same in every organisation's form (homework-form.spec.ts).
    const questions = importQuestions(homeworkForm('').definition);
    const problems = new ProblemList<RowProblem>();
    const read = await this.read(file, questions, problems);
    const planned = await this.plan(study, read.header, read.rows, opts.replace === true, locale, problems);
    const report: HomeworkImportReport = {
      file: file.name,
      dryRun: opts.dryRun === true,
      replace: opts.replace === true,
      rows: read.dataRows,
      readable: planned.length,
      imported: 0,
      created: planned.filter((p) => p.action === 'create').length,
      replaced: planned.filter((p) => p.action === 'replace').length,
      planned: planned
        .slice(0, LISTED_ROWS)
        .map((p) => ({ line: p.line, respondentId: p.respondent.id, action: p.action })),
      errors: problems.listed.map((p) => ({
        ...p,
        reason: getTranslations().t(locale, `homeworkImport.problem.${p.code}`, p.vars),
      })),
      errorCount: problems.count,
      unreadableRows: problems.lineCount,
    };
    if (report.dryRun) return report;
    if (problems.count) {
      const lines = problems.lineCount;
      throw AppError.invalid(
        'homework_import.rows_invalid',
        `${lines} line${lines === 1 ? '' : 's'} of ${file.name} cannot be imported, so nothing was imported. Correct ${lines === 1 ? 'it' : 'them'} and import the file again.`,
        { errors: report.errors, errorCount: report.errorCount, unreadableRows: lines },
        { count: lines, name: file.name },
      );
    }
    if (!planned.length)
      throw AppError.invalid(
        'homework_import.no_rows',
        `${file.name} has no rows with answers below its header.`,
        undefined,
        { name: file.name },
      );
    await this.store(study, planned, file.name, actor, now);
    report.imported = planned.length;
    return report;
  }

  private async read(
    file: { buffer: Buffer; name: string },
    questions: ImportQuestion[],
    problems: ProblemList<RowProblem>,
  ) {
    try {
      return await readHomeworkFile(file.buffer, file.name, questions, this.limits, problems);
    } catch (err) {
      if (err instanceof HomeworkFileError) throw AppError.invalid(`homework_import.${err.code}`, err.message);
      if (err instanceof ImportLimitError)
        throw new AppError(
          err.code === 'import.zip_bomb' ? 'invalid' : 'payload_too_large',
          err.code,
          err.message,
          err.details,
        );
      throw err;
    }
  }

  /** Who each row is, whether their homework may take these answers, and the answers checked against their form. */
  private async plan(
    study: Study,
    header: ImportHeader,
    rows: HomeworkFileRow[],
    replace: boolean,
    locale: Locale,
    problems: ProblemList<RowProblem>,
  ): Promise<PlannedRow[]> {
    const keys = [...new Set(rows.flatMap((r) => (r.email ? [r.email.toLowerCase()] : [])))];
    const byEmail = new Map<string, Respondent>();
    for (const r of await this.respondents.byEmails(study.id, keys)) {
      const key = r.email!.toLowerCase();
      // A duplicate sign-up shares its address with the respondent it repeats: the answers are that respondent's.
      const current = byEmail.get(key);
      if (r.status !== 'erased' && (!current || (current.duplicateOfId !== null && r.duplicateOfId === null)))
        byEmail.set(key, r);
    }
    const ids = [...byEmail.values()].map((r) => r.id);
    const [memberships, assignments, organisations] = await Promise.all([
      this.groups.membershipsOfRespondents(ids),
      this.homework.assignmentsOfRespondents(ids),
      this.studies.partnersOf(study.id),
    ]);
    const membership = new Map(memberships.map((m) => [m.respondentId, m]));
    const assignmentOf = new Map(assignments.map((a) => [a.respondentId, a]));
    const organisationName = new Map(organisations.map((o) => [o.organisationId, o.organisation.name]));
    const emailColumn = (
      line: number,
      email: string,
      code: RowProblem['code'],
      vars?: RowProblem['vars'],
    ): RowProblem => ({ line, column: header.emailColumn, value: email, code, vars });

    const firstLine = new Map<string, number>();
    const planned: PlannedRow[] = [];
    for (const row of rows) {
      const email = row.email ?? '';
      const key = email.toLowerCase();
      const rowProblems: RowProblem[] = [];
      const respondent = byEmail.get(key);
      const member = respondent ? membership.get(respondent.id) : undefined;
      const assignment = respondent ? assignmentOf.get(respondent.id) : undefined;
      if (row.emailProblem) rowProblems.push(row.emailProblem);
      else if (firstLine.has(key))
        rowProblems.push(emailColumn(row.line, email, 'duplicate_email', { first: firstLine.get(key)! }));
      else firstLine.set(key, row.line);
      // A row without a readable address has nobody to look up; its answers are still checked, so one pass finds every problem.
      const whose = row.emailProblem ? undefined : this.whoseProblem(respondent, member, assignment, replace);
      if (whose) rowProblems.push(emailColumn(row.line, email, whose.code, whose.vars));

      const organisation = respondent?.organisationId ? (organisationName.get(respondent.organisationId) ?? '') : '';
      const form = homeworkForm(organisation);
      const mapped = rowAnswers(row.line, row.cells, header, questionsOf(organisation));
      rowProblems.push(...mapped.problems);
      if (!mapped.problems.length)
        rowProblems.push(...this.formProblems(row, header, form.definition, mapped.answers, locale));
      if (rowProblems.length) {
        problems.add(...rowProblems);
        continue;
      }
      const answered = !!assignment && (!!assignment.submittedAt || assignment.revision > 0);
      planned.push({
        line: row.line,
        respondent: respondent!,
        groupId: member!.groupId,
        assignment,
        answers: mapped.answers,
        action: !assignment ? 'create' : answered ? 'replace' : 'fill',
      });
    }
    return planned;
  }

  /** Why a respondent's homework may not take a row's answers, if it may not. */
  private whoseProblem(
    respondent: Respondent | undefined,
    member: GroupMember | undefined,
    assignment: HomeworkAssignment | undefined,
    replace: boolean,
  ): Pick<RowProblem, 'code' | 'vars'> | undefined {
    if (!respondent) return { code: 'not_in_study' };
    // Homework belongs to a member's session: the homework list, the preparation view and who may read the answers go by group.
    if (!member) return { code: 'not_in_group' };
    if (member.role !== 'member') return { code: 'reserve', vars: { group: member.groupId } };
    if (replace || !assignment) return undefined;
    if (assignment.submittedAt)
      return { code: 'already_submitted', vars: { source: assignment.answerSource ?? 'online' } };
    if (assignment.revision > 0) return { code: 'has_draft' };
    return undefined;
  }

  /** The form's own check, as on every submission; and answers the form would drop because it hides their question. */
  private formProblems(
    row: HomeworkFileRow,
    header: ImportHeader,
    definition: object,
    answers: HomeworkAnswers,
    locale: Locale,
  ): RowProblem[] {
    const cellOf = (name: string) => {
      const column = header.questions.find((q) => q.name === name);
      return {
        column: column?.column ?? name,
        value: column ? (row.cells[column.index] ?? '').trim().slice(0, 100) : '',
      };
    };
    const result = validateSubmission(definition, answers, { locale });
    if (!result.ok)
      return result.errors.map((e) => ({
        line: row.line,
        ...cellOf(e.field),
        code: 'answer_invalid' as const,
        vars: { message: e.message },
      }));
    return Object.keys(answers)
      .filter((name) => !(name in result.data))
      .map((name) => ({ line: row.line, ...cellOf(name), code: 'hidden_answer' as const }));
  }

  /** Every row in one transaction: a failure half-way stores nothing. */
  @Transactional()
  private async store(
    study: Study,
    planned: PlannedRow[],
    fileName: string,
    actor: AuthUser | null,
    now: Date,
  ): Promise<void> {
    const sessions = new Map(
      (await this.scheduling.scheduledSessionsOfGroups([...new Set(planned.map((p) => p.groupId))])).map((s) => [
        s.groupId,
        s,
      ]),
    );
    for (const row of planned) {
      const current = await this.homework.findByRespondent(row.respondent.id);
      // Changed since the rows were checked (an answer sent online meanwhile): check the file again rather than overwrite it.
      if ((current?.revision ?? -1) !== (row.assignment?.revision ?? -1)) {
        throw AppError.conflict(
          'homework_import.changed',
          `The homework of the respondent on line ${row.line} changed during the import; nothing was imported. Import the file again.`,
          { line: row.line },
        );
      }
      const assignment =
        current ?? (await this.homework.insert(await this.newAssignment(study, row, sessions.get(row.groupId), now)));
      const late = isPastDeadline(assignment.deadline, now);
      if (
        !(await this.homework.submit(assignment.id, assignment.revision, row.answers, {
          now,
          late,
          source: 'import',
          paperEnteredBy: null,
          importedFrom: fileName,
        }))
      ) {
        throw AppError.conflict(
          'homework_import.changed',
          `The homework of the respondent on line ${row.line} changed during the import; nothing was imported. Import the file again.`,
          { line: row.line },
        );
      }
      await this.audit.record({
        actor,
        action: 'homework.import',
        studyId: study.id,
        subjectType: 'respondent',
        subjectId: row.respondent.id,
        details: {
          assignmentId: assignment.id,
          file: fileName,
          line: row.line,
          action: row.action,
          replacedSource: row.action === 'replace' ? (row.assignment?.answerSource ?? 'draft') : null,
        },
      });
    }
    await this.audit.record({
      actor,
      action: 'homework.import_file',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: {
        file: fileName,
        imported: planned.length,
        created: planned.filter((p) => p.action === 'create').length,
        replaced: planned.filter((p) => p.action === 'replace').length,
      },
    });
  }

  /**
   * An assignment for a member who had none: the deadline follows the group's session when it has one; without a
   * session it is the moment of the import. No letter: the answers are already in.
   */
  private async newAssignment(
    study: Study,
    row: PlannedRow,
    session: SessionRecord | undefined,
    now: Date,
  ): Promise<Omit<HomeworkAssignment, 'id'>> {
    const credentials = await this.links.uniqueCredentials();
    return newAssignment({
      studyId: study.id,
      groupId: row.groupId,
      respondentId: row.respondent.id,
      sessionId: session?.id ?? null,
      sessionStartsAt: session?.startsAt ?? now,
      deadline: session ? homeworkDeadline(session.startsAt, study.homeworkLeadDays) : now,
      credentialNonce: credentials.nonce,
      tokenHash: credentials.tokenHash,
      codeHash: credentials.codeHash,
      locale: study.locale,
      letterSentAt: null,
      createdAt: now,
    });
  }
}
