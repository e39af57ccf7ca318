import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS, type Quadrant } from '../common/domain';
import type {
  DisclosureCounts,
  OrganisationQuadrantCount,
  PopulationMember,
  PopulationOrganisation,
  PopulationProfile,
  PopulationScope,
} from './population';

export const STREAM_BATCH_SIZE = 1000;

const PROFILE_COLUMNS = ['gender', 'age', 'age_min', 'age_max', 'education', 'digital_comfort', 'quadrant'];

const rank = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${values.length} END`;

/** The ten-year band of the overviews' ageBand() in SQL, from the sum of the range's ends (twice its middle). */
const AGE_BAND_RANK = `CASE ${[50, 70, 90, 110, 130, 150].map((sum, i) => `WHEN r.age_min + r.age_max < ${sum} THEN ${i}`).join(' ')} ELSE 6 END`;

/**
 * The overviews' row order (compareRows() in overviews/overview.ts) in SQL within one quadrant, so streamed rows
 * come out exactly as the in-memory overview sorts them: age (or band), then the remaining columns; the id makes
 * every key unique.
 */
function sortKeys(ageBands: boolean): string[] {
  return [
    ...(ageBands ? [AGE_BAND_RANK] : ['r.age_min', 'r.age_max']),
    rank('r.gender', GENDERS),
    rank('r.education', EDUCATIONS),
    rank('r.digital_comfort', DIGITAL_COMFORTS),
    'r.id',
  ];
}

/**
 * Read-only queries over a population of respondents: counts and the anonymisable columns, never personal data
 * (see RespondentPopulationQueryService).
 */
@Injectable()
export class RespondentPopulationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Respondents per organisation and quadrant: the composition table without reading a single row. */
  private async countByOrganisationAndQuadrant(
    scope: PopulationScope,
  ): Promise<{ organisationId: number; quadrant: Quadrant; count: number }[]> {
    if (!scope.organisations.length) return [];
    const rows = await this.inScope(scope)
      .select('r.organisation_id', 'organisationId')
      .addSelect('r.quadrant', 'quadrant')
      .addSelect('COUNT(*)', 'count')
      .groupBy('r.organisation_id')
      .addGroupBy('r.quadrant')
      .getRawMany<{ organisationId: number | string; quadrant: Quadrant; count: number | string }>();
    return rows.map((r) => ({
      organisationId: Number(r.organisationId),
      quadrant: r.quadrant,
      count: Number(r.count),
    }));
  }

  /** The same counts keyed by organisation name. */
  async compositionCounts(scope: PopulationScope): Promise<OrganisationQuadrantCount[]> {
    const names = new Map(scope.organisations.map((o) => [o.id, o.name]));
    return (await this.countByOrganisationAndQuadrant(scope)).map((c) => ({
      organisation: names.get(c.organisationId)!,
      quadrant: c.quadrant,
      count: c.count,
    }));
  }

  /**
   * The figures of a disclosure check of the profile rows, counted by the database (GROUP BY the six columns,
   * ages as given or banded), so a streamed file can state them before its first row. Memory stays constant:
   * only two figures come back.
   */
  async disclosureCounts(scope: PopulationScope, opts: { ageBands: boolean }): Promise<DisclosureCounts> {
    if (!scope.organisations.length) return { k: 0, uniqueRows: 0 };
    const groups = this.inScope(scope)
      .select('COUNT(*)', 'n')
      .groupBy('r.organisation_id')
      .addGroupBy('r.quadrant')
      .addGroupBy('r.gender')
      .addGroupBy(opts.ageBands ? AGE_BAND_RANK : 'r.age')
      .addGroupBy('r.education')
      .addGroupBy('r.digital_comfort');
    const row = await this.dataSource
      .createQueryBuilder()
      .select('MIN(g.n)', 'k')
      .addSelect('SUM(CASE WHEN g.n = 1 THEN 1 ELSE 0 END)', 'unique')
      .from(`(${groups.getQuery()})`, 'g')
      .setParameters(groups.getParameters())
      .getRawOne<{ k: number | string | null; unique: number | string | null }>();
    return { k: Number(row?.k ?? 0), uniqueRows: Number(row?.unique ?? 0) };
  }

  /**
   * Who is in the scope, by id with organisation and quadrant: what reports built on a population (the journey
   * report) need to know of a respondent, nothing more. Also respondents whose profile is incomplete.
   */
  async members(scope: PopulationScope): Promise<PopulationMember[]> {
    if (!scope.organisations.length) return [];
    const names = new Map(scope.organisations.map((o) => [o.id, o.name]));
    const rows = await this.inScope(scope, { completeOnly: false })
      .andWhere('r.quadrant IS NOT NULL')
      .select('r.id', 'id')
      .addSelect('r.organisation_id', 'organisationId')
      .addSelect('r.quadrant', 'quadrant')
      .orderBy('r.id', 'ASC')
      .getRawMany<{ id: number | string; organisationId: number | string; quadrant: Quadrant }>();
    return rows.map((r) => ({
      respondentId: Number(r.id),
      organisation: names.get(Number(r.organisationId))!,
      quadrant: r.quadrant,
    }));
  }

  /** Respondents of the population whose profile lacks a column, so they cannot be shown as a row. */
  async countIncomplete(scope: PopulationScope): Promise<number> {
    if (!scope.organisations.length) return 0;
    const qb = this.inScope(scope, { completeOnly: false }).select('COUNT(*)', 'count');
    qb.andWhere(`(${PROFILE_COLUMNS.map((c) => `r.${c} IS NULL`).join(' OR ')})`);
    const row = await qb.getRawOne<{ count: number | string }>();
    return Number(row?.count ?? 0);
  }

  /**
   * The respondents' profile columns, one organisation after the other in the scope's order and within
   * each in the overviews' row order. Reads per organisation and quadrant (the bucket index) in keyset-paginated
   * batches (WHERE sort key > last key), which keeps memory constant on SQLite and PostgreSQL alike and
   * never skips or repeats a row the way OFFSET can.
   */
  async *streamRows(
    scope: PopulationScope,
    opts: { ageBands: boolean; batchSize?: number },
  ): AsyncGenerator<PopulationProfile> {
    const keys = sortKeys(opts.ageBands);
    const batchSize = opts.batchSize ?? STREAM_BATCH_SIZE;
    for (const organisation of scope.organisations) {
      for (const quadrant of QUADRANTS) yield* this.streamBucket(scope, organisation, quadrant, keys, batchSize);
    }
  }

  private async *streamBucket(
    scope: PopulationScope,
    organisation: PopulationOrganisation,
    quadrant: Quadrant,
    keys: string[],
    batchSize: number,
  ): AsyncGenerator<PopulationProfile> {
    let after: number[] | undefined;
    for (;;) {
      const qb = this.inScope({ ...scope, organisations: [organisation] })
        .andWhere('r.quadrant = :quadrant', { quadrant })
        .select('r.gender', 'gender')
        .addSelect('r.age', 'age')
        .addSelect('r.age_min', 'ageMin')
        .addSelect('r.age_max', 'ageMax')
        .addSelect('r.education', 'education')
        .addSelect('r.digital_comfort', 'digitalComfort');
      keys.forEach((key, i) => qb.addSelect(key, `k${i}`).addOrderBy(key, 'ASC'));
      if (after) {
        const params = Object.fromEntries(after.map((v, i) => [`after${i}`, v]));
        qb.andWhere(
          `(${keys.join(', ')}) > (${after.map((_, i) => `CAST(:after${i} AS INTEGER)`).join(', ')})`,
          params,
        );
      }
      const rows = await qb.limit(batchSize).getRawMany<Record<string, string | number>>();
      for (const r of rows) {
        yield {
          organisation: organisation.name,
          gender: r.gender,
          age: String(r.age),
          ageMin: Number(r.ageMin),
          ageMax: Number(r.ageMax),
          education: r.education,
          digitalComfort: r.digitalComfort,
          quadrant,
        } as PopulationProfile;
      }
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1];
      after = keys.map((_, i) => Number(last[`k${i}`]));
    }
  }

  private inScope(
    scope: PopulationScope,
    opts: { completeOnly: boolean } = { completeOnly: true },
  ): SelectQueryBuilder<object> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from('respondent', 'r')
      .where('r.study_id = :studyId', { studyId: scope.studyId })
      .andWhere('r.organisation_id IN (:...organisationIds)', { organisationIds: scope.organisations.map((o) => o.id) })
      .andWhere('r.status IN (:...statuses)', { statuses: [...scope.statuses] })
      .andWhere('r.erased_at IS NULL')
      // A second sign-up with the same e-mail address is one person: count them once.
      .andWhere('r.duplicate_of_id IS NULL');
    if (opts.completeOnly) qb.andWhere(PROFILE_COLUMNS.map((c) => `r.${c} IS NOT NULL`).join(' AND '));
    return qb;
  }
}
