import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Quadrant, RespondentStatus } from '../common/domain';
import type { Page } from '../common/paging';
import { Respondent } from './respondent.entity';
import { ScreenerSubmission } from './screener-submission.entity';

export interface PoolFilter {
  organisationId?: number;
  quadrant?: Quadrant;
  status?: RespondentStatus;
}

export interface PoolCell {
  organisationId: number | null;
  quadrant: Quadrant | null;
  status: RespondentStatus;
  n: number;
}

function poolWhere(studyId: number, filter: PoolFilter): Record<string, unknown> {
  const where: Record<string, unknown> = { studyId };
  if (filter.organisationId !== undefined) where.organisationId = filter.organisationId;
  if (filter.quadrant) where.quadrant = filter.quadrant;
  if (filter.status) where.status = filter.status;
  return where;
}

/** The respondent aggregate: respondents and the raw screener answers they gave. */
@Injectable()
export class RespondentRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** In the order they came in: for an import, the order of the file. */
  listInStudy(studyId: number, filter: PoolFilter = {}): Promise<Respondent[]> {
    return this.dataSource.manager.find(Respondent, { where: poolWhere(studyId, filter), order: { id: 'ASC' } });
  }

  /** One page of the pool in the order they came in, and how many match the filter in all. */
  pageInStudy(studyId: number, filter: PoolFilter, page: Pick<Page<unknown>, 'offset' | 'limit'>): Promise<[Respondent[], number]> {
    return this.dataSource.manager.findAndCount(Respondent, { where: poolWhere(studyId, filter), order: { id: 'ASC' }, skip: page.offset, take: page.limit });
  }

  /** How many respondents the study has per organisation × quadrant × status: the count table without reading the pool. */
  async countCells(studyId: number): Promise<PoolCell[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(Respondent, 'r')
      .select('r.organisation_id', 'organisationId')
      .addSelect('r.quadrant', 'quadrant')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.study_id = :studyId', { studyId })
      .groupBy('r.organisation_id')
      .addGroupBy('r.quadrant')
      .addGroupBy('r.status')
      .getRawMany<{ organisationId: number | string | null; quadrant: Quadrant | null; status: RespondentStatus; n: number | string }>();
    // PostgreSQL returns integers and COUNT(*) as strings.
    return rows.map((r) => ({ organisationId: r.organisationId === null ? null : Number(r.organisationId), quadrant: r.quadrant, status: r.status, n: Number(r.n) }));
  }

  findInStudy(studyId: number, id: number, manager?: EntityManager): Promise<Respondent | null> {
    return this.m(manager).findOneBy(Respondent, { studyId, id });
  }

  /** The first not-erased respondent of the study with this address, any capitalisation. */
  findFirstByEmail(studyId: number, email: string, manager?: EntityManager): Promise<Respondent | null> {
    return this.m(manager)
      .createQueryBuilder(Respondent, 'r')
      .where('r.study_id = :studyId AND LOWER(r.email) = :email AND r.erased_at IS NULL', { studyId, email: email.trim().toLowerCase() })
      .orderBy('r.id', 'ASC')
      .getOne();
  }

  findAllByEmail(studyId: number, email: string, manager?: EntityManager): Promise<Respondent[]> {
    return this.m(manager)
      .createQueryBuilder(Respondent, 'r')
      .where('r.study_id = :studyId AND LOWER(r.email) = :email', { studyId, email: email.trim().toLowerCase() })
      .orderBy('r.id', 'ASC')
      .getMany();
  }

  /**
   * Many respondents in one statement (an import's batch). Written out here rather than through TypeORM's insert,
   * which spent about as long per row preparing the statement as the database spent storing it.
   */
  async insertMany(respondents: Partial<Respondent>[], manager: EntityManager): Promise<void> {
    if (!respondents.length) return;
    const metadata = this.dataSource.getMetadata(Respondent);
    // Every column but the id is written (absent values as NULL): the respondent table has no other defaults.
    const columns = metadata.columns.filter((c) => !c.isGenerated);
    const postgres = this.dataSource.options.type === 'postgres';
    const params: unknown[] = [];
    const rows = respondents.map((r) => {
      const placeholders = columns.map((c) => {
        params.push(this.dataSource.driver.preparePersistentValue((r as Record<string, unknown>)[c.propertyName] ?? null, c));
        return postgres ? `$${params.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
    await manager.query(`INSERT INTO "${metadata.tableName}" (${names}) VALUES ${rows.join(', ')}`, params);
  }

  /** Per address (lower case): the first not-erased respondent of the study with it. Only the addresses asked for. */
  async firstIdsByEmail(studyId: number, emails: readonly string[], manager?: EntityManager): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    if (!emails.length) return found;
    const rows = await this.m(manager)
      .createQueryBuilder(Respondent, 'r')
      .select('LOWER(r.email)', 'email')
      .addSelect('MIN(r.id)', 'id')
      .where('r.study_id = :studyId AND LOWER(r.email) IN (:...emails) AND r.erased_at IS NULL', { studyId, emails })
      .groupBy('LOWER(r.email)')
      .getRawMany<{ email: string; id: number | string }>();
    for (const r of rows) found.set(r.email, Number(r.id));
    return found;
  }

  /** Undoes an import that failed half-way: its rows share the study, the source and the moment of import. */
  async deleteImported(studyId: number, screenedAt: Date): Promise<void> {
    await this.dataSource.manager.delete(Respondent, { studyId, source: 'import', screenedAt });
  }

  insert(respondent: Partial<Respondent>, manager: EntityManager): Promise<Respondent> {
    return manager.save(manager.create(Respondent, respondent));
  }

  save(respondent: Respondent, manager: EntityManager): Promise<Respondent> {
    return manager.save(respondent);
  }

  findSubmission(studyId: number, submissionId: string, manager?: EntityManager): Promise<ScreenerSubmission | null> {
    return this.m(manager).findOneBy(ScreenerSubmission, { studyId, submissionId });
  }

  submissionsOf(respondentId: number, manager: EntityManager): Promise<ScreenerSubmission[]> {
    return manager.findBy(ScreenerSubmission, { respondentId });
  }

  insertSubmission(submission: Omit<ScreenerSubmission, 'id'>, manager: EntityManager): Promise<ScreenerSubmission> {
    return manager.save(manager.create(ScreenerSubmission, submission));
  }

  saveSubmission(submission: ScreenerSubmission, manager: EntityManager): Promise<ScreenerSubmission> {
    return manager.save(submission);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(() => work(this.txHost.tx));
  }
}
