import { Inject, Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Quadrant, RespondentStatus } from '../common/domain';
import type { Page } from '../common/paging';
import { Respondent } from './respondent.entity';
import { moveRespondentStatus, recordStatusChange } from './status-history';
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

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  /** In the order they came in: for an import, the order of the file. */
  listInStudy(studyId: number, filter: PoolFilter = {}): Promise<Respondent[]> {
    return this.manager.find(Respondent, { where: poolWhere(studyId, filter), order: { id: 'ASC' } });
  }

  /** One page of the pool in the order they came in, and how many match the filter in all. */
  pageInStudy(
    studyId: number,
    filter: PoolFilter,
    page: Pick<Page<unknown>, 'offset' | 'limit'>,
  ): Promise<[Respondent[], number]> {
    return this.manager.findAndCount(Respondent, {
      where: poolWhere(studyId, filter),
      order: { id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  /** How many respondents the study has per organisation × quadrant × status: the count table without reading the pool. */
  async countCells(studyId: number): Promise<PoolCell[]> {
    const rows = await this.manager
      .createQueryBuilder(Respondent, 'r')
      .select('r.organisation_id', 'organisationId')
      .addSelect('r.quadrant', 'quadrant')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.study_id = :studyId', { studyId })
      .groupBy('r.organisation_id')
      .addGroupBy('r.quadrant')
      .addGroupBy('r.status')
      .getRawMany<{
        organisationId: number | string | null;
        quadrant: Quadrant | null;
        status: RespondentStatus;
        n: number | string;
      }>();
    // PostgreSQL returns integers and COUNT(*) as strings.
    return rows.map((r) => ({
      organisationId: r.organisationId === null ? null : Number(r.organisationId),
      quadrant: r.quadrant,
      status: r.status,
      n: Number(r.n),
    }));
  }

  findInStudy(studyId: number, id: number): Promise<Respondent | null> {
    return this.manager.findOneBy(Respondent, { studyId, id });
  }

  /** The first not-erased respondent of the study with this address, any capitalisation. */
  findFirstByEmail(studyId: number, email: string): Promise<Respondent | null> {
    return this.manager
      .createQueryBuilder(Respondent, 'r')
      .where('r.study_id = :studyId AND LOWER(r.email) = :email AND r.erased_at IS NULL', {
        studyId,
        email: email.trim().toLowerCase(),
      })
      .orderBy('r.id', 'ASC')
      .getOne();
  }

  findAllByEmail(studyId: number, email: string): Promise<Respondent[]> {
    return this.manager
      .createQueryBuilder(Respondent, 'r')
      .where('r.study_id = :studyId AND LOWER(r.email) = :email', { studyId, email: email.trim().toLowerCase() })
      .orderBy('r.id', 'ASC')
      .getMany();
  }

  /**
   * Many respondents in one statement (an import's batch); their ids, in the order given (both databases return
   * a multi-row INSERT's RETURNING rows in VALUES order). Written out here rather than through TypeORM's insert,
   * which spent about as long per row preparing the statement as the database spent storing it.
   */
  // A transaction of its own unless the caller has one.
  @Transactional()
  async insertMany(respondents: Partial<Respondent>[]): Promise<number[]> {
    if (!respondents.length) return [];
    const metadata = this.dataSource.getMetadata(Respondent);
    // Every column but the id is written (absent values as NULL): the respondent table has no other defaults.
    const columns = metadata.columns.filter((c) => !c.isGenerated);
    const postgres = this.dataSource.options.type === 'postgres';
    const params: unknown[] = [];
    const rows = respondents.map((r) => {
      const placeholders = columns.map((c) => {
        params.push(
          this.dataSource.driver.preparePersistentValue((r as Record<string, unknown>)[c.propertyName] ?? null, c),
        );
        return postgres ? `$${params.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
    const inserted = await this.manager.query<{ id: number | string }[]>(
      `INSERT INTO "${metadata.tableName}" (${names}) VALUES ${rows.join(', ')} RETURNING "id"`,
      params,
    );
    return inserted.map((r) => Number(r.id));
  }

  /**
   * One page of the study's not-erased addresses with their respondent, in id order after `afterId`: an import
   * reads them all this way once, instead of looking up each batch's addresses by LOWER(email), which no index covers.
   */
  async emailPage(studyId: number, afterId: number, limit: number): Promise<{ id: number; email: string }[]> {
    const rows = await this.manager
      .createQueryBuilder(Respondent, 'r')
      .select('r.id', 'id')
      .addSelect('r.email', 'email')
      .where('r.study_id = :studyId AND r.id > :afterId AND r.email IS NOT NULL AND r.erased_at IS NULL', {
        studyId,
        afterId,
      })
      .orderBy('r.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string; email: string }>();
    return rows.map((r) => ({ id: Number(r.id), email: r.email }));
  }

  insert(respondent: Partial<Respondent>): Promise<Respondent> {
    return this.manager.save(this.manager.create(Respondent, respondent));
  }

  save(respondent: Respondent): Promise<Respondent> {
    return this.manager.save(respondent);
  }

  findSubmission(studyId: number, submissionId: string): Promise<ScreenerSubmission | null> {
    return this.manager.findOneBy(ScreenerSubmission, { studyId, submissionId });
  }

  submissionsOf(respondentId: number): Promise<ScreenerSubmission[]> {
    return this.manager.findBy(ScreenerSubmission, { respondentId });
  }

  insertSubmission(submission: Omit<ScreenerSubmission, 'id'>): Promise<ScreenerSubmission> {
    return this.manager.save(this.manager.create(ScreenerSubmission, submission));
  }

  saveSubmission(submission: ScreenerSubmission): Promise<ScreenerSubmission> {
    return this.manager.save(submission);
  }

  /** Moves respondents to a status, only those now in one of `from`, with a history row each; the ids that moved. */
  moveStatus(ids: number[], from: readonly RespondentStatus[], to: RespondentStatus): Promise<number[]> {
    return moveRespondentStatus(this.manager, ids, from, to);
  }

  /** The history row of a change saved with the whole entity (erasure). */
  recordStatusChange(
    respondent: Pick<Respondent, 'id' | 'studyId'>,
    from: RespondentStatus,
    to: RespondentStatus,
  ): Promise<void> {
    return recordStatusChange(this.manager, respondent, from, to);
  }
}
