import { mkdtempSync, readFileSync } from 'fs';
import { userInfo } from 'os';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { parseDatabaseUrl } from '../../src/config/config';
import { parseImportFile } from '../../src/respondents/import-parser';
import { runCli } from '../support/cli';
import {
  isPostgresRun,
  openAppDataSource,
  openTestDataSource,
  runDir,
  testDatabaseConfig,
} from '../support/test-database';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const BIJLAGE5 = join(FIXTURES, 'bijlage5-respondentenoverzicht.csv');
const ORGANISATIONS = ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht'];

function cliEnv(): Record<string, string> {
  const db = testDatabaseConfig();
  return {
    DATA_DIR: mkdtempSync(join(runDir(), 'cli-')),
    DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
  };
}

describe('kwadrant respondents (the real command line)', () => {
  const env = cliEnv();
  const study = (slug: string) =>
    runCli(
      [
        'study',
        'create',
        '--slug',
        slug,
        '--title',
        `Study ${slug}`,
        ...ORGANISATIONS.flatMap((o) => ['--organisation', o]),
      ],
      env,
    );

  beforeAll(async () => {
    if (isPostgresRun()) await (await openTestDataSource()).destroy();
    expect((await study('bijlage5')).code).toBe(0);
    expect((await study('errors')).code).toBe(0);
  });

  it('imports a Bijlage 5 file and lists every row normalised, in file order', async () => {
    const dry = await runCli(['respondents', 'import', BIJLAGE5, '--study', 'bijlage5', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, readable: 44, imported: 0, errors: [] });
    expect(JSON.parse((await runCli(['respondents', 'list', '--study', 'bijlage5'], env)).stdout)).toEqual([]);

    const imported = await runCli(['respondents', 'import', BIJLAGE5, '--study', 'bijlage5'], env);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported 44 respondents');
    expect(JSON.parse(imported.stdout)).toMatchObject({ layout: 'bijlage5', imported: 44, errors: [] });

    const listed = await runCli(['respondents', 'list', '--study', 'bijlage5', '--format', 'json'], env);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout);
    const expected = (await parseImportFile(readFileSync(BIJLAGE5), 'x.csv', ORGANISATIONS)).rows;
    expect(rows).toEqual(
      expected.map((r) => ({
        organisation: r.organisation,
        quadrant: r.quadrant,
        gender: r.gender,
        age: r.age,
        ageMin: r.ageMin,
        ageMax: r.ageMax,
        education: r.education,
        digitalComfort: r.digitalComfort,
        status: 'eligible',
      })),
    );
    // Spot checks against the file itself, so the test does not only agree with the parser.
    expect(rows[0]).toEqual({
      organisation: 'RET',
      quadrant: 'gemakzoeker',
      gender: 'v',
      age: '65-70',
      ageMin: 65,
      ageMax: 70,
      education: 'mbo',
      digitalComfort: 'comfortabel',
      status: 'eligible',
    });
    expect(rows[4]).toMatchObject({
      gender: 'm',
      age: '35',
      education: 'basisonderwijs',
      quadrant: 'zekerheidszoeker',
    });
    expect(rows[12]).toMatchObject({
      organisation: 'Vitens',
      age: '47',
      education: 'mbo',
      digitalComfort: 'zeer-comfortabel',
      quadrant: 'informatiezoeker',
    });
    expect(rows.filter((r: { organisation: string }) => r.organisation === 'Belastingdienst')).toHaveLength(11);
    expect(Object.keys(rows[0])).toEqual([
      'organisation',
      'quadrant',
      'gender',
      'age',
      'ageMin',
      'ageMax',
      'education',
      'digitalComfort',
      'status',
    ]);

    const csv = await runCli(['respondents', 'list', '--study', 'bijlage5', '--format', 'csv'], env);
    const records = parse<Record<string, string>>(csv.stdout, { columns: true });
    expect(records).toHaveLength(44);
    expect(records[0]).toEqual({
      organisation: 'RET',
      quadrant: 'gemakzoeker',
      gender: 'v',
      age: '65-70',
      ageMin: '65',
      ageMax: '70',
      education: 'mbo',
      digitalComfort: 'comfortabel',
      status: 'eligible',
    });
  });

  it('imports the English layout', async () => {
    const r = await runCli(['respondents', 'import', join(FIXTURES, 'english-comma.csv'), '--study', 'errors'], env);
    expect(r.stderr).toContain('Imported 5 respondents');
    expect(r.code).toBe(0);
    const rows = JSON.parse((await runCli(['respondents', 'list', '--study', 'errors'], env)).stdout);
    expect(rows.map((x: { organisation: string }) => x.organisation)).toEqual([
      'Gemeente Utrecht',
      'Vitens',
      'RET',
      'Belastingdienst',
      'Gemeente Utrecht',
    ]);
    expect(rows[1]).toMatchObject({
      gender: 'm',
      age: '45-54',
      ageMin: 45,
      ageMax: 54,
      education: 'vmbo-mavo-lbo',
      digitalComfort: 'oncomfortabel',
      quadrant: 'informatiezoeker',
    });
    expect(rows[2]).toMatchObject({
      gender: 'x',
      age: '65+',
      ageMin: 65,
      education: 'wo',
      quadrant: 'rust-in-je-hoofdzoeker',
    });
  });

  it('reports every unreadable row with line, column and reason, and imports nothing unless --partial', async () => {
    const file = join(FIXTURES, 'errors-semicolon.csv');
    const refused = await runCli(['respondents', 'import', file, '--study', 'errors'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/line 3, column "Geslacht" \("q"\): unknown gender/);
    expect(refused.stderr).toMatch(/line 3, column "Leeftijd" \("vijftig"\): cannot read age/);
    expect(refused.stderr).toMatch(
      /line 6, column "Organisatie" \("Waterschap Rijn"\): unknown organisation .*RET, Vitens, Belastingdienst, Gemeente Utrecht/,
    );
    expect(refused.stderr).toContain('nothing was imported');
    const before = JSON.parse((await runCli(['respondents', 'list', '--study', 'errors'], env)).stdout).length;
    expect(before).toBe(5);

    const partial = await runCli(['respondents', 'import', file, '--study', 'errors', '--partial'], env);
    expect(partial.code).toBe(0);
    const report = JSON.parse(partial.stdout);
    expect(report.imported).toBeGreaterThan(0);
    expect(report.errors.length).toBeGreaterThan(0);
    const after = JSON.parse((await runCli(['respondents', 'list', '--study', 'errors'], env)).stdout).length;
    expect(after).toBe(before + report.imported);
  });

  it('explains a file with missing columns, an unknown study and a missing file', async () => {
    const missing = await runCli(
      ['respondents', 'import', join(FIXTURES, 'missing-columns.csv'), '--study', 'errors'],
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required columns? missing/);
    const noStudy = await runCli(['respondents', 'import', BIJLAGE5, '--study', 'nope'], env);
    expect(noStudy.code).not.toBe(0);
    expect(noStudy.stderr).toContain('No study "nope" exists.');
    const noFile = await runCli(['respondents', 'import', join(FIXTURES, 'nope.csv'), '--study', 'errors'], env);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Cannot read');
  });

  it('erases a respondent by e-mail address', async () => {
    const erased = await runCli(['respondents', 'erase', '--study', 'errors', '--email', 'ANNA@example.org'], env);
    expect(erased.stderr).toBe('');
    expect(erased.stdout).toMatch(/Erased 1 respondent/);
    const rows = JSON.parse((await runCli(['respondents', 'list', '--study', 'errors'], env)).stdout);
    expect(rows[0]).toMatchObject({ organisation: 'Gemeente Utrecht', status: 'erased', quadrant: 'gemakzoeker' });
    const again = await runCli(['respondents', 'erase', '--study', 'errors', '--email', 'nobody@example.org'], env);
    expect(again.code).not.toBe(0);
  });

  it('records every list as a respondents.read audit event naming the system user', async () => {
    const listed = await runCli(['respondents', 'list', '--study', 'errors', '--format', 'csv'], env);
    expect(listed.code).toBe(0);
    const ds = await openAppDataSource(parseDatabaseUrl(env.DATABASE_URL), { migrate: false });
    try {
      const [last] = await ds
        .getRepository(AuditEvent)
        .find({ where: { action: 'respondents.read' }, order: { id: 'DESC' }, take: 1 });
      expect(last).toMatchObject({
        actorId: null,
        subjectType: 'study',
        subjectId: 'errors',
        details: {
          via: 'cli',
          osUser: userInfo().username,
          respondents: parse(listed.stdout, { columns: true }).length,
        },
      });
    } finally {
      await ds.destroy();
    }
  });
});
