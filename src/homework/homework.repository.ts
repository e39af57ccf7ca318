import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager, EntityMetadata, In, IsNull, MoreThan } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DirectSql, SqlRow } from '../database/direct-sql';
import { answersOutline, currentOutline, storedOutline, type AnswersOutline } from './answers-outline';
import { AnswerSource, HomeworkAnswers, HomeworkAssignment } from './homework-assignment.entity';
import { HomeworkClosedStudy } from './homework-closed-study.entity';
import { HomeworkSetting } from './homework-setting.entity';

/** What the public routes need to decide about a link, read in one query of homework's own tables. */
export interface LinkLookup<A = HomeworkAssignment> {
  assignment: A;
  /** The study was closed (homework_closed_study). */
  studyClosed: boolean;
}

/** What a save needs to know about an assignment: which one, and whether it may still change (not the answers). */
export type AssignmentState = Pick<
  HomeworkAssignment,
  'id' | 'studyId' | 'respondentId' | 'erasedAt' | 'deadline' | 'revision' | 'submittedAt' | 'late' | 'enteredFromPaper'
>;
const STATE_PROPERTIES: (keyof AssignmentState)[] = [
  'id',
  'studyId',
  'respondentId',
  'erasedAt',
  'deadline',
  'revision',
  'submittedAt',
  'late',
  'enteredFromPaper',
];

export type LinkColumn = 'tokenHash' | 'codeHash';

/** A sent homework's answers and whose they are. */
export interface SentAnswers {
  assignmentId: number;
  respondentId: number;
  answers: HomeworkAnswers;
}

/** A sent homework's outline (answers-outline.ts: the answers without their free text) and whose it is. */
export interface SentOutline extends AnswersOutline {
  assignmentId: number;
  respondentId: number;
}

// The same rows and order as HomeworkQueryService.submittedOfStudy keeps of ofStudy's entities.
const SENT_OUTLINES_SQL =
  'SELECT id AS "assignmentId", respondent_id AS "respondentId", submitted_outline AS outline ' +
  'FROM homework_assignment WHERE study_id = ? AND submitted IS NOT NULL AND submitted_at IS NOT NULL ' +
  'ORDER BY group_id, id';
// Enough ids per query for few round trips, few enough for every database's limit on parameters.
const IDS_PER_QUERY = 500;
const NONCES_SQL = 'SELECT id, credential_nonce AS nonce FROM homework_assignment WHERE study_id = ?';

/**
 * The homework aggregate (assignments, settings, closed studies). Study and respondent come from their modules'
 * query services; whether a link still opens is homework's own record (erasedAt, homework_closed_study), which the
 * link lookup and autosave read in the one prepared statement the hot path runs.
 */
@Injectable()
export class HomeworkRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sql: DirectSql,
  ) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  // Links are read and drafts saved with hand-written, prepared SQL rather than the query builder: autosave runs
  // several times a minute per respondent, and building the SQL each time cost more than running it.

  /** The whole assignment behind a link, answers included: for showing the form or printing it. */
  async findLink(column: LinkColumn, hash: string): Promise<LinkLookup | null> {
    const row = await this.sql.get(this.linkSql(column, 'all'), [hash]);
    return row ? linkLookup(row, this.hydrate(row, new HomeworkAssignment(), this.metadata().columns)) : null;
  }

  /** Only the state of the assignment behind a link: for saving answers, which replace the stored ones anyway. */
  async findLinkState(column: LinkColumn, hash: string): Promise<LinkLookup<AssignmentState> | null> {
    const row = await this.sql.get(this.linkSql(column, 'state'), [hash]);
    return row ? linkLookup(row, this.hydrate(row, {} as AssignmentState, this.stateColumns())) : null;
  }

  private readonly linkSqlCache = new Map<string, string>();
  private linkSql(column: LinkColumn, what: 'all' | 'state'): string {
    const key = `${column}:${what}`;
    let sql = this.linkSqlCache.get(key);
    if (!sql) {
      const assignmentColumns =
        what === 'all'
          ? 'a.*'
          : this.stateColumns()
              .map((c) => `a.${c.databaseName}`)
              .join(', ');
      sql =
        `SELECT ${assignmentColumns}, c.study_id AS kw_closed_study FROM homework_assignment a ` +
        'LEFT JOIN homework_closed_study c ON c.study_id = a.study_id ' +
        `WHERE a.${this.column(column).databaseName} = ?`;
      this.linkSqlCache.set(key, sql);
    }
    return sql;
  }

  private metadata(): EntityMetadata {
    return this.dataSource.getMetadata(HomeworkAssignment);
  }

  private stateColumns(): ColumnMetadata[] {
    return STATE_PROPERTIES.map((p) => this.column(p));
  }

  private readonly columns = new Map<keyof HomeworkAssignment, ColumnMetadata>();
  private column(property: keyof HomeworkAssignment): ColumnMetadata {
    let column = this.columns.get(property);
    if (!column) {
      column = this.metadata().findColumnWithPropertyName(property)!;
      this.columns.set(property, column);
    }
    return column;
  }

  /** Raw database values into entity values (dates, booleans, JSON), the way TypeORM would. */
  private hydrate<T extends object>(row: SqlRow, target: T, columns: ColumnMetadata[]): T {
    for (const column of columns) {
      (target as Record<string, unknown>)[column.propertyName] = this.dataSource.driver.prepareHydratedValue(
        row[column.databaseName],
        column,
      );
    }
    return target;
  }

  private persisted(property: keyof HomeworkAssignment, value: unknown): unknown {
    return this.dataSource.driver.preparePersistentValue(value, this.column(property));
  }

  findById(id: number): Promise<HomeworkAssignment | null> {
    return this.manager.findOneBy(HomeworkAssignment, { id });
  }

  findByRespondent(respondentId: number): Promise<HomeworkAssignment | null> {
    return this.manager.findOneBy(HomeworkAssignment, { respondentId });
  }

  ofStudy(studyId: number): Promise<HomeworkAssignment[]> {
    return this.manager.find(HomeworkAssignment, { where: { studyId }, order: { groupId: 'ASC', id: 'ASC' } });
  }

  /**
   * The study's sent homework as outlines, by group and assignment, with no other columns and no entities: for
   * counting a whole study. An assignment sent before outlines were stored (or by an older version of them) has
   * its answers read and outlined here.
   */
  async sentOutlinesOfStudy(studyId: number): Promise<SentOutline[]> {
    const rows = await this.sql.all(SENT_OUTLINES_SQL, [studyId]);
    const column = this.column('submittedOutline');
    const outlines = rows.map((row) => ({
      assignmentId: row.assignmentId as number,
      respondentId: row.respondentId as number,
      outline: currentOutline(this.dataSource.driver.prepareHydratedValue(row.outline, column)),
    }));
    const missing = outlines.filter((o) => !o.outline).map((o) => o.assignmentId);
    const made = new Map(
      (await this.sentAnswersOf(studyId, missing)).map((s) => [s.assignmentId, answersOutline(s.answers)]),
    );
    return outlines.flatMap(({ assignmentId, respondentId, outline }) => {
      const found = outline ?? made.get(assignmentId);
      return found ? [{ assignmentId, respondentId, ...found }] : [];
    });
  }

  /** The sent answers of these assignments of the study; one that is not the study's or not sent is left out. */
  async sentAnswersOf(studyId: number, assignmentIds: readonly number[]): Promise<SentAnswers[]> {
    const sent: SentAnswers[] = [];
    for (let i = 0; i < assignmentIds.length; i += IDS_PER_QUERY) {
      const rows = await this.manager.find(HomeworkAssignment, {
        select: { id: true, respondentId: true, submitted: true, submittedAt: true },
        where: { studyId, id: In(assignmentIds.slice(i, i + IDS_PER_QUERY)) },
      });
      for (const row of rows)
        if (row.submitted && row.submittedAt)
          sent.push({ assignmentId: row.id, respondentId: row.respondentId, answers: row.submitted });
    }
    return sent;
  }

  /** Each assignment's credential nonce, by assignment id. */
  async credentialNonces(studyId: number): Promise<Map<number, string>> {
    const rows = await this.sql.all(NONCES_SQL, [studyId]);
    return new Map(rows.map((row) => [row.id as number, row.nonce as string]));
  }

  /** The study's assignments without drafts and answers (the JSON columns are the heavy part of a row). */
  progressOfStudy<K extends keyof HomeworkAssignment>(
    studyId: number,
    columns: K[],
  ): Promise<Pick<HomeworkAssignment, K>[]> {
    return this.manager.find(HomeworkAssignment, {
      select: Object.fromEntries(columns.map((c) => [c, true])),
      where: { studyId },
      order: { groupId: 'ASC', id: 'ASC' },
    });
  }

  ofGroup(groupId: number): Promise<HomeworkAssignment[]> {
    return this.manager.find(HomeworkAssignment, { where: { groupId }, order: { id: 'ASC' } });
  }

  /** Unsubmitted assignments of open studies whose deadline is still ahead and that had no reminder yet. */
  reminderCandidates(now: Date, studyId?: number): Promise<HomeworkAssignment[]> {
    const where = {
      submittedAt: IsNull(),
      reminderSentAt: IsNull(),
      deadline: MoreThan(now),
      ...(studyId === undefined ? {} : { studyId }),
    };
    return this.manager.find(HomeworkAssignment, { where, order: { id: 'ASC' } });
  }

  insert(assignment: Omit<HomeworkAssignment, 'id'>): Promise<HomeworkAssignment> {
    return this.manager.save(this.manager.create(HomeworkAssignment, assignment));
  }

  async save(assignment: HomeworkAssignment): Promise<HomeworkAssignment> {
    return this.manager.save(assignment);
  }

  /**
   * Autosave in one statement: the draft changes only at the expected revision, while the link still opens
   * (respondent not erased, study not closed) and the answers may still change (not sent, or the deadline not
   * passed): the rules of homework-rules.ts written as SQL, held equal to them by a test. false: nothing
   * changed, and the caller finds out why with those rules. Saves one lookup on the busiest request.
   */
  saveDraftIfEditable(
    column: LinkColumn,
    hash: string,
    expectedRevision: number,
    draft: HomeworkAnswers,
    currentPage: string | null,
    now: Date,
  ): Promise<boolean> {
    const params = [
      this.persisted('draft', draft),
      currentPage,
      this.persisted('draftSavedAt', now),
      hash,
      expectedRevision,
      this.persisted('deadline', now),
    ];
    return this.sql.run(this.saveSql(column), params).then(isOneRow);
  }

  private readonly saveSqlCache = new Map<LinkColumn, string>();
  private saveSql(column: LinkColumn): string {
    let sql = this.saveSqlCache.get(column);
    if (!sql) {
      sql =
        'UPDATE homework_assignment SET draft = ?, current_page = ?, draft_saved_at = ?, revision = revision + 1 ' +
        `WHERE ${this.column(column).databaseName} = ? AND revision = ? AND (submitted_at IS NULL OR deadline >= ?) ` +
        'AND erased_at IS NULL ' +
        'AND NOT EXISTS (SELECT 1 FROM homework_closed_study c WHERE c.study_id = homework_assignment.study_id)';
      this.saveSqlCache.set(column, sql);
    }
    return sql;
  }

  async submit(
    id: number,
    expectedRevision: number,
    answers: HomeworkAnswers,
    changes: {
      now: Date;
      late: boolean;
      source: AnswerSource;
      paperEnteredBy: string | null;
      importedFrom?: string | null;
    },
  ): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(HomeworkAssignment)
      .set({
        draft: answers,
        submitted: answers,
        submittedOutline: storedOutline(answers),
        submittedAt: changes.now,
        draftSavedAt: changes.now,
        late: changes.late,
        enteredFromPaper: changes.source === 'paper',
        paperEnteredBy: changes.paperEnteredBy,
        answerSource: changes.source,
        importedFrom: changes.importedFrom ?? null,
        revision: () => 'revision + 1',
      } as QueryDeepPartialEntity<HomeworkAssignment>)
      .where('id = :id AND revision = :expectedRevision', { id, expectedRevision })
      .execute();
    return result.affected === 1;
  }

  /** Only one process wins the reminder of an assignment. */
  async claimReminder(id: number, now: Date): Promise<boolean> {
    const result = await this.manager.update(
      HomeworkAssignment,
      { id, reminderSentAt: IsNull() },
      { reminderSentAt: now },
    );
    return result.affected === 1;
  }

  /** The respondent's answers go, and their link closes for good. */
  async erase(respondentId: number, now: Date): Promise<void> {
    await this.manager.update(
      HomeworkAssignment,
      { respondentId },
      { draft: null, submitted: null, submittedOutline: null, currentPage: null, erasedAt: now },
    );
  }

  /** Closing a study again changes nothing. */
  async closeStudy(studyId: number, now: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(HomeworkClosedStudy)
      .values({ studyId, closedAt: now })
      .orIgnore()
      .execute();
  }

  async reopenStudy(studyId: number): Promise<void> {
    await this.manager.delete(HomeworkClosedStudy, { studyId });
  }

  async assignmentsOfRespondents(respondentIds: number[]): Promise<HomeworkAssignment[]> {
    const found: HomeworkAssignment[] = [];
    for (let i = 0; i < respondentIds.length; i += 500)
      found.push(
        ...(await this.manager.find(HomeworkAssignment, {
          where: { respondentId: In(respondentIds.slice(i, i + 500)) },
        })),
      );
    return found;
  }

  async codeHashTaken(codeHash: string): Promise<boolean> {
    return (await this.manager.countBy(HomeworkAssignment, { codeHash })) > 0;
  }

  findSetting(studyId: number): Promise<HomeworkSetting | null> {
    return this.manager.findOneBy(HomeworkSetting, { studyId });
  }

  async saveSetting(setting: HomeworkSetting): Promise<void> {
    await this.manager.save(this.manager.create(HomeworkSetting, setting));
  }
}

function linkLookup<A>(row: SqlRow, assignment: A): LinkLookup<A> {
  return { assignment, studyClosed: row.kw_closed_study !== null && row.kw_closed_study !== undefined };
}

const isOneRow = (changed: number): boolean => changed === 1;
