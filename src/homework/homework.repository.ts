import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { LoginAttempt } from '../auth/login-attempt.entity';
import { User } from '../auth/user.entity';
import { FocusGroup } from '../groups/group.entity';
import { GroupMember } from '../groups/group-member.entity';
import { Respondent } from '../respondents/respondent.entity';
import { ScheduledSession } from '../scheduling/session.entity';
import { Organisation } from '../studies/organisation.entity';
import { Study } from '../studies/study.entity';
import { StudyOrganisation } from '../studies/study-organisation.entity';
import { HomeworkAnswers, HomeworkAssignment } from './homework-assignment.entity';
import { HomeworkSetting } from './homework-setting.entity';

/** What the public routes need to decide about a link, read in one query. */
export interface LinkLookup {
  assignment: HomeworkAssignment;
  studyStatus: string;
  studyHelpPhone: string;
  respondentStatus: string;
  respondentErasedAt: Date | null;
  /** The respondent's organisation: the form and letter name it. */
  organisationName: string;
}

/** The homework aggregate (assignments, settings) and the reads of study, group and session it depends on. */
@Injectable()
export class HomeworkRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** On SQLite the data source runs transactions one after another (src/database/sqlite-transactions.ts). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * One hand-written query rather than the query builder: autosave calls this several times a second per
   * respondent, and building the SQL each time cost more than running it.
   */
  async findLink(column: 'tokenHash' | 'codeHash', hash: string): Promise<LinkLookup | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(this.linkSql(column), [hash]);
    if (!rows.length) return null;
    const row = rows[0];
    return {
      assignment: this.hydrate(row),
      studyStatus: String(row.kw_study_status),
      studyHelpPhone: String(row.kw_study_help_phone ?? ''),
      respondentStatus: String(row.kw_respondent_status),
      respondentErasedAt: row.kw_respondent_erased_at ? new Date(String(row.kw_respondent_erased_at)) : null,
      organisationName: String(row.kw_organisation_name ?? ''),
    };
  }

  private readonly linkSqlCache = new Map<string, string>();
  private linkSql(column: 'tokenHash' | 'codeHash'): string {
    let sql = this.linkSqlCache.get(column);
    if (!sql) {
      sql =
        'SELECT a.*, s.status AS kw_study_status, s.help_phone AS kw_study_help_phone, r.status AS kw_respondent_status, ' +
        'r.erased_at AS kw_respondent_erased_at, o.name AS kw_organisation_name FROM homework_assignment a ' +
        'JOIN study s ON s.id = a.study_id JOIN respondent r ON r.id = a.respondent_id LEFT JOIN organisation o ON o.id = r.organisation_id ' +
        `WHERE a.${column === 'tokenHash' ? 'token_hash' : 'code_hash'} = ${this.param(1)}`;
      this.linkSqlCache.set(column, sql);
    }
    return sql;
  }

  private param(n: number): string {
    return this.dataSource.options.type === 'postgres' ? `$${n}` : '?';
  }

  /** A raw row as the entity, with TypeORM's own conversions (dates, simple-json, booleans) per column. */
  private hydrate(row: Record<string, unknown>): HomeworkAssignment {
    const meta = this.dataSource.getMetadata(HomeworkAssignment);
    const entity = new HomeworkAssignment();
    for (const column of meta.columns) {
      (entity as unknown as Record<string, unknown>)[column.propertyName] = this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column);
    }
    return entity;
  }

  private persisted(property: keyof HomeworkAssignment, value: unknown): unknown {
    const column = this.dataSource.getMetadata(HomeworkAssignment).findColumnWithPropertyName(property)!;
    return this.dataSource.driver.preparePersistentValue(value, column);
  }

  findById(id: number, manager?: EntityManager): Promise<HomeworkAssignment | null> {
    return this.m(manager).findOneBy(HomeworkAssignment, { id });
  }

  findByRespondent(respondentId: number, manager?: EntityManager): Promise<HomeworkAssignment | null> {
    return this.m(manager).findOneBy(HomeworkAssignment, { respondentId });
  }

  ofStudy(studyId: number): Promise<HomeworkAssignment[]> {
    return this.dataSource.manager.find(HomeworkAssignment, { where: { studyId }, order: { groupId: 'ASC', id: 'ASC' } });
  }

  ofGroup(groupId: number, manager?: EntityManager): Promise<HomeworkAssignment[]> {
    return this.m(manager).find(HomeworkAssignment, { where: { groupId }, order: { id: 'ASC' } });
  }

  /** Unsubmitted assignments of open studies whose deadline is still ahead and that had no reminder yet. */
  reminderCandidates(now: Date, studyId?: number): Promise<HomeworkAssignment[]> {
    const where = { submittedAt: IsNull(), reminderSentAt: IsNull(), deadline: MoreThan(now), ...(studyId === undefined ? {} : { studyId }) };
    return this.dataSource.manager.find(HomeworkAssignment, { where, order: { id: 'ASC' } });
  }

  insert(assignment: Omit<HomeworkAssignment, 'id'>, manager: EntityManager): Promise<HomeworkAssignment> {
    return manager.save(manager.create(HomeworkAssignment, assignment));
  }

  async save(assignment: HomeworkAssignment, manager: EntityManager): Promise<HomeworkAssignment> {
    return manager.save(assignment);
  }

  /** Compare-and-set on the revision: true when this save won, false when another tab or device saved first. */
  async saveDraft(id: number, expectedRevision: number, draft: HomeworkAnswers, currentPage: string | null, now: Date): Promise<boolean> {
    const p = (n: number) => this.param(n);
    const sql = `UPDATE homework_assignment SET draft = ${p(1)}, current_page = ${p(2)}, draft_saved_at = ${p(3)}, revision = revision + 1 WHERE id = ${p(4)} AND revision = ${p(5)}`;
    const params = [this.persisted('draft', draft), currentPage, this.persisted('draftSavedAt', now), id, expectedRevision];
    return (await this.execute(sql, params)) === 1;
  }

  /** Runs a write and returns how many rows it changed (the structured result says so on both databases). */
  private async execute(sql: string, params: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, params, true)).affected ?? 0;
    } finally {
      await runner.release();
    }
  }

  async submit(
    id: number,
    expectedRevision: number,
    answers: HomeworkAnswers,
    changes: { now: Date; late: boolean; enteredFromPaper: boolean; paperEnteredBy: string | null },
    manager?: EntityManager,
  ): Promise<boolean> {
    const result = await this.m(manager)
      .createQueryBuilder()
      .update(HomeworkAssignment)
      .set({
        draft: answers,
        submitted: answers,
        submittedAt: changes.now,
        draftSavedAt: changes.now,
        late: changes.late,
        enteredFromPaper: changes.enteredFromPaper,
        paperEnteredBy: changes.paperEnteredBy,
        revision: () => 'revision + 1',
      } as QueryDeepPartialEntity<HomeworkAssignment>)
      .where('id = :id AND revision = :expectedRevision', { id, expectedRevision })
      .execute();
    return result.affected === 1;
  }

  /** Only one process wins the reminder of an assignment. */
  async claimReminder(id: number, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(HomeworkAssignment, { id, reminderSentAt: IsNull() }, { reminderSentAt: now });
    return result.affected === 1;
  }

  async clearAnswers(respondentId: number, manager: EntityManager): Promise<void> {
    await manager.update(HomeworkAssignment, { respondentId }, { draft: null, submitted: null, currentPage: null });
  }

  findStudy(id: number): Promise<Study | null> {
    return this.dataSource.manager.findOneBy(Study, { id });
  }

  findStudyBySlug(slug: string): Promise<Study | null> {
    return this.dataSource.manager.findOneBy(Study, { slug });
  }

  findGroup(studyId: number, id: number): Promise<FocusGroup | null> {
    return this.dataSource.manager.findOneBy(FocusGroup, { studyId, id });
  }

  groupsOfStudy(studyId: number): Promise<FocusGroup[]> {
    return this.dataSource.manager.find(FocusGroup, { where: { studyId }, order: { id: 'ASC' } });
  }

  /** Members proper: reserves get homework only once they take a member's place. */
  membersOfGroups(groupIds: number[], manager?: EntityManager): Promise<GroupMember[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.m(manager).find(GroupMember, { where: { groupId: In(groupIds), role: 'member' }, order: { position: 'ASC', id: 'ASC' } });
  }

  membershipOf(respondentId: number, manager?: EntityManager): Promise<GroupMember | null> {
    return this.m(manager).findOneBy(GroupMember, { respondentId });
  }

  respondentsByIds(ids: number[], manager?: EntityManager): Promise<Respondent[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(manager).find(Respondent, { where: { id: In(ids) } });
  }

  findRespondent(id: number, manager?: EntityManager): Promise<Respondent | null> {
    return this.m(manager).findOneBy(Respondent, { id });
  }

  findSession(id: number, manager?: EntityManager): Promise<ScheduledSession | null> {
    return this.m(manager).findOneBy(ScheduledSession, { id });
  }

  sessionsOfGroups(groupIds: number[], manager?: EntityManager): Promise<ScheduledSession[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.m(manager).find(ScheduledSession, { where: { groupId: In(groupIds), status: 'scheduled' } });
  }

  studyOrganisation(studyId: number, organisationId: number, manager?: EntityManager): Promise<StudyOrganisation | null> {
    return this.m(manager).findOneBy(StudyOrganisation, { studyId, organisationId });
  }

  organisationsOfStudy(studyId: number): Promise<StudyOrganisation[]> {
    return this.dataSource.manager.find(StudyOrganisation, { where: { studyId } });
  }

  usersByIds(ids: number[]): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.find(User, { where: { id: In([...new Set(ids)]) } });
  }

  findSetting(studyId: number): Promise<HomeworkSetting | null> {
    return this.dataSource.manager.findOneBy(HomeworkSetting, { studyId });
  }

  async saveSetting(setting: HomeworkSetting, manager: EntityManager): Promise<void> {
    await manager.save(manager.create(HomeworkSetting, setting));
  }

  // Failed code look-ups share the login_attempt table (and its clean-up) under their own key.
  countFailures(key: string, since: Date): Promise<number> {
    return this.dataSource.manager.countBy(LoginAttempt, { key, attemptedAt: MoreThan(since) });
  }

  async recordFailure(key: string, now: Date, olderThan: Date): Promise<void> {
    await this.dataSource.manager.insert(LoginAttempt, { key, attemptedAt: now });
    await this.dataSource.manager.delete(LoginAttempt, { key, attemptedAt: LessThan(olderThan) });
  }
}

