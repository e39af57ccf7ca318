import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Brackets, EntityManager, In } from 'typeorm';
import { LOCALES, type Locale } from '../common/domain';
import { DirectSql } from '../database/direct-sql';
import { RespondentStatusChange } from './respondent-status-change.entity';
import { Respondent } from './respondent.entity';
import { ScreenerSubmission } from './screener-submission.entity';

/** SQLite takes a bounded number of parameters per statement: long id lists are read in slices. */
const SLICE = 500;

/** Where a respondent belongs, without anything personal. */
export type RespondentPlace = Pick<Respondent, 'id' | 'organisationId' | 'quadrant'>;

const PLACES_SQL =
  'SELECT id, organisation_id AS "organisationId", quadrant FROM respondent ' +
  'WHERE study_id = ? AND erased_at IS NULL ORDER BY id';

/** The reads other modules make of respondents (see RespondentQueryService); nothing here writes. */
@Injectable()
export class RespondentReadsRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sql: DirectSql,
  ) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  async byIds(ids: number[], studyId?: number): Promise<Respondent[]> {
    const unique = [...new Set(ids)];
    const found: Respondent[] = [];
    for (let i = 0; i < unique.length; i += SLICE)
      found.push(
        ...(await this.manager.find(Respondent, {
          where: { id: In(unique.slice(i, i + SLICE)), ...(studyId === undefined ? {} : { studyId }) },
          order: { id: 'ASC' },
        })),
      );
    return found;
  }

  byId(id: number, studyId?: number): Promise<Respondent | null> {
    return this.manager.findOneBy(Respondent, studyId === undefined ? { id } : { id, studyId });
  }

  /** The study's respondents whose address, in lower case, is one of `emails`, oldest first. */
  async byEmails(studyId: number, emails: string[]): Promise<Respondent[]> {
    const found: Respondent[] = [];
    for (let i = 0; i < emails.length; i += SLICE)
      found.push(
        ...(await this.manager
          .createQueryBuilder(Respondent, 'r')
          .where('r.studyId = :studyId AND LOWER(r.email) IN (:...emails)', {
            studyId,
            emails: emails.slice(i, i + SLICE),
          })
          .orderBy('r.id', 'ASC')
          .getMany()),
      );
    return found;
  }

  /** Every respondent of the study not erased, as plain rows (a whole study's worth, read for counting). */
  async placesOf(studyId: number): Promise<RespondentPlace[]> {
    return (await this.sql.all(PLACES_SQL, [studyId])) as RespondentPlace[];
  }

  /** Eligible respondents of the study, plus those of `alsoIds` (whatever their status), never anyone erased. */
  forGrouping(studyId: number, alsoIds: number[], organisationId: number | undefined): Promise<Respondent[]> {
    const qb = this.manager
      .createQueryBuilder(Respondent, 'r')
      .where('r.study_id = :studyId', { studyId })
      .andWhere('r.erased_at IS NULL')
      .andWhere("r.status <> 'erased'")
      .orderBy('r.id', 'ASC');
    if (organisationId !== undefined) qb.andWhere('r.organisation_id = :organisationId', { organisationId });
    const also = [...new Set(alsoIds)];
    qb.andWhere(
      new Brackets((w) => {
        w.where("r.status = 'eligible'");
        for (let i = 0; i < also.length; i += SLICE)
          w.orWhere(`r.id IN (:...also${i})`, { [`also${i}`]: also.slice(i, i + SLICE) });
      }),
    );
    return qb.getMany();
  }

  /** The study's respondents with what the dashboard counts, and no more personal data than the e-mail. */
  pipelineOf(
    studyId: number,
  ): Promise<Pick<Respondent, 'id' | 'organisationId' | 'quadrant' | 'status' | 'duplicateOfId' | 'email'>[]> {
    return this.manager.find(Respondent, {
      select: { id: true, organisationId: true, quadrant: true, status: true, duplicateOfId: true, email: true },
      where: { studyId },
      order: { id: 'ASC' },
    });
  }

  /** The language each respondent filled in the screener in (their latest submission); imported people have none. */
  async screenerLocales(ids: number[]): Promise<Map<number, Locale>> {
    const unique = [...new Set(ids)];
    const locales = new Map<number, Locale>();
    for (let i = 0; i < unique.length; i += SLICE) {
      const rows = await this.manager.find(ScreenerSubmission, {
        select: { respondentId: true, locale: true, submittedAt: true },
        where: { respondentId: In(unique.slice(i, i + SLICE)) },
        order: { submittedAt: 'ASC', id: 'ASC' },
      });
      for (const r of rows)
        if (r.respondentId !== null && (LOCALES as readonly string[]).includes(r.locale))
          locales.set(r.respondentId, r.locale);
    }
    return locales;
  }

  statusChanges(respondentId: number): Promise<RespondentStatusChange[]> {
    return this.manager.find(RespondentStatusChange, { where: { respondentId }, order: { id: 'ASC' } });
  }
}
