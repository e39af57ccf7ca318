import { Writable } from 'stream';
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS } from '../../src/common/domain';
import { Respondent } from '../../src/respondents/respondent.entity';
import { buildOverview, overviewRows } from '../../src/overviews/overview';
import { anonymiseRows, disclosure } from '../../src/overviews/anonymise';
import { POPULATION_STATUSES } from '../../src/overviews/overview-request';
import { OverviewsService } from '../../src/overviews/overviews.service';
import type { PopulationScope } from '../../src/respondents/population';
import { RespondentPopulationQueryService } from '../../src/respondents/respondent-population-query.service';
import { StudyQueryService } from '../../src/studies/study-query.service';
import { createStudy } from '../support/factories';
import { createBijlage5Study } from '../support/overview-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('the respondents population and the overview service on a real database', () => {
  let t: TestApp;
  let populations: RespondentPopulationQueryService;
  /** A scope's organisations as the service takes them: the study's partners, from the studies module. */
  let organisationsOf: (studyId: number) => Promise<PopulationScope['organisations']>;

  beforeAll(async () => {
    t = await createTestApp();
    populations = t.app.get(RespondentPopulationQueryService);
    const studies = t.app.get(StudyQueryService);
    organisationsOf = async (studyId) =>
      (await studies.partnersOf(studyId)).map((p) => ({ id: p.organisationId, name: p.organisation.name }));
  });
  afterAll(() => t.close());

  /** The disclosure check as the overview service makes it from the database's two figures. */
  async function disclosureOf(scope: PopulationScope, ageBands: boolean) {
    const { k, uniqueRows } = await populations.disclosureCounts(scope, { ageBands });
    return disclosure(k, uniqueRows);
  }

  async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  }

  it('streams in batches exactly the rows and order of the in-memory overview, as given and in bands', async () => {
    // Many ties on every sort column, and ages that band differently from how they sort as given.
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['Zuid', 'Noord', 'Oost'] });
    const ages = ['47', '45-54', '19', '65-70', '75', '24', '25', '40-60', '34', '35'];
    const rows: Partial<Respondent>[] = [];
    for (let i = 0; i < 600; i++) {
      const age = ages[(i * 7) % ages.length];
      const [min, max = min] = age.split('-').map(Number);
      rows.push({
        studyId: study.id,
        organisationId: organisations[i % 2].id, // Oost stays empty
        gender: GENDERS[(i * 5) % 3],
        age,
        ageMin: min,
        ageMax: max,
        education: EDUCATIONS[(i * 3) % EDUCATIONS.length],
        digitalComfort: DIGITAL_COMFORTS[(i * 11) % DIGITAL_COMFORTS.length],
        quadrant: QUADRANTS[(i * 13) % 4],
        status: 'participated',
        source: 'import',
        screenedAt: new Date(),
      });
    }
    await t.dataSource.getRepository(Respondent).insert(rows.slice(0, 300));
    await t.dataSource.getRepository(Respondent).insert(rows.slice(300));
    const scope: PopulationScope = {
      studyId: study.id,
      organisations: await organisationsOf(study.id),
      statuses: POPULATION_STATUSES.participants,
    };
    expect(scope.organisations.map((o) => o.name)).toEqual(['Zuid', 'Noord', 'Oost']);

    for (const ageBands of [false, true]) {
      const streamed = await collect(
        anonymiseRows(populations.streamProfiles(scope, { ageBands, batchSize: 7 }), { ageBands }),
      );
      const inMemory = buildOverview(
        's',
        'participants',
        ['Zuid', 'Noord', 'Oost'],
        await collect(populations.streamProfiles(scope, { ageBands })),
        { ageBands },
      );
      expect(streamed).toHaveLength(600);
      expect(streamed).toEqual([...overviewRows(inMemory)]);
      // The database's disclosure check, which a streamed file states before its rows, is the in-memory one.
      expect(await disclosureOf(scope, ageBands)).toEqual(inMemory.disclosure);
    }
    const bijlage5 = await createBijlage5Study(t.dataSource);
    const bijlage5Scope: PopulationScope = {
      studyId: bijlage5.study.id,
      organisations: await organisationsOf(bijlage5.study.id),
      statuses: POPULATION_STATUSES.participants,
    };
    for (const ageBands of [false, true]) {
      const inMemory = buildOverview(
        's',
        'participants',
        bijlage5Scope.organisations.map((o) => o.name),
        await collect(populations.streamProfiles(bijlage5Scope, { ageBands })),
        { ageBands },
      );
      expect(inMemory.disclosure.uniqueRows).toBeGreaterThan(0);
      expect(await disclosureOf(bijlage5Scope, ageBands)).toEqual(inMemory.disclosure);
    }
    expect(await disclosureOf({ ...bijlage5Scope, statuses: ['declined'] }, false)).toEqual({
      k: 0,
      uniqueRows: 0,
    });
    const counts = await populations.compositionCounts(scope);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(600);
  });

  it('leaves out and counts respondents whose profile is incomplete', async () => {
    const { study, organisations } = await createBijlage5Study(t.dataSource);
    await t.dataSource.getRepository(Respondent).insert({
      studyId: study.id,
      organisationId: organisations[0].id,
      quadrant: 'gemakzoeker',
      status: 'participated',
      source: 'screener',
      screenedAt: new Date(),
    });
    const service = t.app.get(OverviewsService);
    const { overview, incomplete } = await service.overview(study.slug, {}, null);
    expect(overview.totals.total).toBe(44);
    expect(incomplete).toBe(1);
  });

  it('streams a CSV download from the database without holding it in memory', async () => {
    const { study } = await createBijlage5Study(t.dataSource);
    const service = t.app.get(OverviewsService);
    const download = await service.download(study.slug, { format: 'csv', locale: 'en', delimiter: ',' }, null);
    expect(download.fileName).toBe(`respondent-overview-${study.slug}-participants.csv`);
    const chunks: Buffer[] = [];
    await download.write(new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) }));
    const lines = Buffer.concat(chunks).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFGender,Age,Education,Digital comfort,Quadrant,Organisation');
    expect(lines).toHaveLength(46);
  });
});
