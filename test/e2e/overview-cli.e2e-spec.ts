import { mkdtempSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { QUADRANTS, type Quadrant } from '../../src/common/domain';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from '../../src/overviews/exporters/bijlage-5.fixture';
import { rowFromCells } from '../../src/overviews/exporters/read-back.fixture';
import { buildOverview } from '../../src/overviews/overview';
import { runCli } from '../support/cli';
import { createRespondent, createStudy } from '../support/factories';
import { createBijlage5Study } from '../support/overview-factories';
import { openAppDataSource, resetDatabase, runDir, testDatabaseConfig } from '../support/test-database';

describe('kwadrant overview (the real command, as a child process)', () => {
  const db = testDatabaseConfig();
  const env = {
    DATA_DIR: mkdtempSync(join(runDir(), 'cli-')),
    DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
  };
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openAppDataSource(db, { migrate: false });
    await resetDatabase(ds);
    // An imported respondent table: every status, so --population all must show them all.
    const statuses = ['participated', 'invited', 'eligible', 'ineligible', 'grouped', 'confirmed', 'declined'] as const;
    const { study, organisations } = await createStudy(
      ds,
      { slug: 'bijlage-5', title: 'Bijlage 5' },
      { organisations: BIJLAGE_5_ORGANISATIONS },
    );
    const ids = new Map(organisations.map((o) => [o.name, o.id]));
    for (const [i, { organisation, ...profile }] of bijlage5Respondents().entries()) {
      await createRespondent(ds, study.id, ids.get(organisation)!, {
        ...profile,
        status: statuses[i % statuses.length],
      });
    }
    // Not part of the overview: erased, without an organisation, or in another study.
    await createRespondent(ds, study.id, ids.get('RET')!, { status: 'erased', erasedAt: new Date() });
    await createRespondent(ds, study.id, null as unknown as number, { status: 'ineligible' });
    await createBijlage5Study(ds, { slug: 'andere-studie' });
  });
  afterAll(() => ds?.destroy());

  it('reproduces every row and every count per organisation and quadrant of the imported table', async () => {
    const r = await runCli(['overview', '--study', 'bijlage-5', '--population', 'all', '--format', 'json'], env);
    // Every row of Bijlage 5 with exact ages is unique: said on stderr, so the JSON on stdout stays clean.
    expect(r.stderr).toBe(
      'Note: 44 rows are unique on gender, age, education, digital comfort, quadrant and organisation: such a respondent may be recognisable. Use age bands, or share only the composition table.\n',
    );
    expect(r.code).toBe(0);
    const { disclosure: _disclosure, ...expected } = buildOverview(
      'bijlage-5',
      'all',
      BIJLAGE_5_ORGANISATIONS,
      bijlage5Respondents(),
      { ageBands: false },
    );
    expect(JSON.parse(r.stdout)).toEqual(expected);
    // The counts of page 2 of the report (Gemeente Utrecht's three gemakzoekers are missing from Bijlage 5).
    expect(
      JSON.parse(r.stdout).organisations.map((o: { name: string; total: number; counts: object }) => [
        o.name,
        o.total,
        Object.values(o.counts),
      ]),
    ).toEqual([
      ['Belastingdienst', 11, [3, 3, 3, 2]],
      ['RET', 12, [4, 3, 3, 2]],
      ['Vitens', 12, [3, 3, 3, 3]],
      ['Gemeente Utrecht', 9, [3, 3, 3, 0]],
    ]);
  });

  it('reproduces a table imported with `kwadrant respondents import`, row for row and count for count', async () => {
    const created = await runCli(
      [
        'study',
        'create',
        '--slug',
        'geimporteerd',
        '--title',
        'Geïmporteerd',
        ...BIJLAGE_5_ORGANISATIONS.flatMap((o) => ['--organisation', o]),
      ],
      env,
    );
    expect(created.code).toBe(0);
    const fixture = join(__dirname, '..', 'fixtures', 'import', 'bijlage5-respondentenoverzicht.csv');
    const imported = await runCli(['respondents', 'import', fixture, '--study', 'geimporteerd'], env);
    expect(imported.stderr).toContain('Imported 44 respondents.');

    // The file read here on its own, with the labels of Bijlage 5 spelled out, not with the importer's code.
    const education: Record<string, string> = {
      'lagere school': 'basisonderwijs',
      lbo: 'vmbo-mavo-lbo',
      mavo: 'vmbo-mavo-lbo',
      'vmbo / mavo/ lbo': 'vmbo-mavo-lbo',
      'havo/vwo': 'havo-vwo',
      'havo / vwo': 'havo-vwo',
      mbo: 'mbo',
      hbo: 'hbo',
      'universiteit of hoger': 'wo',
    };
    const records: string[][] = parse(readFileSync(fixture), {
      bom: true,
      delimiter: ';',
      skip_empty_lines: true,
      trim: true,
    });
    const table = records
      .filter((c) => c[0] !== 'Geslacht')
      .map(([gender, age, edu, comfort, quadrant, organisation]) => ({
        organisation,
        row: {
          gender: gender.toLowerCase(),
          age,
          education: education[edu.toLowerCase()],
          digitalComfort: comfort.toLowerCase().replace(' ', '-'),
          quadrant: quadrant.toLowerCase(),
        },
      }));
    expect(table).toHaveLength(44);

    const r = await runCli(['overview', '--study', 'geimporteerd', '--population', 'all', '--format', 'json'], env);
    expect(r.code).toBe(0);
    const overview = JSON.parse(r.stdout) as {
      study: string;
      population: string;
      organisations: { name: string; total: number; counts: Record<string, number>; rows: Record<string, string>[] }[];
      totals: { total: number; counts: Record<string, number> };
    };
    expect(overview.study).toBe('geimporteerd');
    expect(overview.organisations.map((o) => o.name)).toEqual(BIJLAGE_5_ORGANISATIONS);
    const key = (row: object) => JSON.stringify(row);
    for (const o of overview.organisations) {
      const expected = table.filter((t) => t.organisation === o.name).map((t) => t.row);
      expect(o.rows.map(key).sort()).toEqual(expected.map(key).sort());
      expect(o.total).toBe(expected.length);
      for (const q of QUADRANTS) expect(o.counts[q]).toBe(expected.filter((row) => row.quadrant === q).length);
      // In quadrant order, then by age.
      const order = o.rows.map((row) => [QUADRANTS.indexOf(row.quadrant as Quadrant), parseInt(row.age, 10)]);
      expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }
    expect(overview.totals.total).toBe(44);
    for (const q of QUADRANTS) expect(overview.totals.counts[q]).toBe(table.filter((t) => t.row.quadrant === q).length);
  });

  it('defaults to participants, and filters by organisation with banded ages', async () => {
    const participants = JSON.parse((await runCli(['overview', '--study', 'bijlage-5'], env)).stdout);
    expect(participants.population).toBe('participants');
    expect(participants.totals.total).toBe(bijlage5Respondents().filter((_, i) => i % 7 === 0).length);
    const ret = JSON.parse(
      (
        await runCli(
          [
            'overview',
            '--study',
            'bijlage-5',
            '--population',
            'all',
            '--organisation',
            'RET',
            '--age-bands',
            '--format',
            'json',
          ],
          env,
        )
      ).stdout,
    );
    expect(ret.organisations.map((o: { name: string }) => o.name)).toEqual(['RET']);
    expect(ret.organisations[0].rows.map((row: { age: string }) => row.age)).toContain('65-74');
    expect(ret.organisations[0].rows.map((row: { age: string }) => row.age)).not.toContain('70');
  });

  it('writes a CSV file that reads back to the JSON rows', async () => {
    const out = join(env.DATA_DIR, 'overzicht.csv');
    const r = await runCli(
      ['overview', '--study', 'bijlage-5', '--population', 'all', '--format', 'csv', '--delimiter', ',', '--out', out],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Wrote ${out}`);
    const json = JSON.parse((await runCli(['overview', '--study', 'bijlage-5', '--population', 'all'], env)).stdout);
    const rows = json.organisations.flatMap((o: { name: string; rows: object[] }) =>
      o.rows.map((row) => ({ ...row, organisation: o.name })),
    );
    const records: string[][] = parse(readFileSync(out), { bom: true, delimiter: ',' });
    expect(records.slice(1).map((c) => rowFromCells(c))).toEqual(rows);
  });

  it('explains mistakes on stderr with a non-zero exit code', async () => {
    const missing = await runCli(['overview', '--study', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No study "nope" exists.');
    const population = await runCli(['overview', '--study', 'bijlage-5', '--population', 'everyone'], env);
    expect(population.code).toBe(2);
    expect(population.stderr).toContain('--population must be one of participants, invited, eligible, all');
    const organisation = await runCli(['overview', '--study', 'bijlage-5', '--organisation', 'NS'], env);
    expect(organisation.code).toBe(2);
    expect(organisation.stderr).toContain('Choose one of: Belastingdienst, RET, Vitens, Gemeente Utrecht');
  });
});
