import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { join } from 'path';
import { Workbook } from 'exceljs';
import type { JourneyReport } from '../../src/journeys/journey-report';
import { runCli } from '../support/cli';
import { createUser } from '../support/factories';
import { Agent, download, loginAgent } from '../support/http';
import { codeJourneyStudy, createJourneyStudy } from '../support/journey-factories';
import { createTestApp, TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';

/** The hand-counted journey study (test/support/journey-factories.ts) through the real `kwadrant journey` command. */
describe('kwadrant journey (the real command, as a child process)', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let dir: string;
  let researcher: Agent;
  const slug = 'klantreis-cli';
  const journey = (...args: string[]) => runCli(['journey', '--study', slug, ...args], env);
  const sheetOf = async (bytes: Buffer) => {
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.config.database;
    dir = mkdtempSync(join(runDir(), 'journey-cli-'));
    env = { DATA_DIR: dir, DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}` };
    const fx = await createJourneyStudy(t.dataSource, slug);
    const r = await createUser(t.dataSource, { role: 'researcher' });
    await codeJourneyStudy(t, fx, r.id);
    researcher = (await loginAgent(t.app, r.email, r.password)).agent;
  });
  afterAll(() => t?.close());

  it('prints the JSON report, the same as the API answers, and writes it to a file', async () => {
    const printed = await journey();
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(printed.stdout) as JourneyReport;
    const api = await download(researcher, `/api/studies/${slug}/journey`);
    expect(report).toEqual(JSON.parse(api.body.toString('utf8')));
    expect(report.groups.find((g) => g.organisation === 'RET' && g.quadrant === 'gemakzoeker')!.respondents).toBe(6);

    const out = join(dir, 'reis.json');
    const written = await journey('--format', 'json', '--organisation', 'Vitens', '--out', out);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(written.stderr).toContain(out);
    const vitens = JSON.parse(readFileSync(out, 'utf8')) as JourneyReport;
    expect(vitens.groups.map((g) => g.organisation)).toEqual(Array(4).fill('Vitens'));
  });

  it('prints and writes CSV as the page’s download, in the language asked for', async () => {
    const printed = await journey('--format', 'csv');
    expect(printed.code).toBe(0);
    const api = await download(researcher, `/api/studies/${slug}/journey?format=csv&lang=nl`);
    expect(printed.stdout).toBe(api.body.toString('utf8'));
    expect(printed.stdout.startsWith('\uFEFF')).toBe(true);

    const out = join(dir, 'reis.csv');
    const written = await journey('--format', 'csv', '--locale', 'en', '--delimiter', ',', '--out', out);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    const english = await download(researcher, `/api/studies/${slug}/journey?format=csv&lang=en&delimiter=,`);
    expect(readFileSync(out, 'utf8')).toBe(english.body.toString('utf8'));
    expect(readFileSync(out, 'utf8')).not.toBe(printed.stdout);
  });

  it('prints and writes XLSX and PDF', async () => {
    const printed = await journey('--format', 'xlsx');
    expect(printed.code).toBe(0);
    const fromStdout = await sheetOf(printed.stdoutBytes);
    expect(fromStdout.name).toBe('Klantreis');
    expect(fromStdout.getRow(1).values).toEqual([undefined, 'Onderzoek', slug]);

    const out = join(dir, 'reis.xlsx');
    expect((await journey('--format', 'xlsx', '--locale', 'en', '--out', out)).code).toBe(0);
    const fromFile = await sheetOf(readFileSync(out));
    expect(fromFile.name).toBe('Journey');
    expect(fromFile.rowCount).toBe(fromStdout.rowCount);

    const pdf = await journey('--format', 'pdf');
    expect(pdf.code).toBe(0);
    expect(pdf.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfOut = join(dir, 'reis.pdf');
    expect((await journey('--format', 'pdf', '--out', pdfOut)).code).toBe(0);
    const file = readFileSync(pdfOut);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  });

  it('refuses an unknown study, organisation or format in Dutch, or English with --lang en, and writes nothing', async () => {
    const dutch = { KWADRANT_LANG: '' };
    const cases: { args: string[]; nl: string; en: string; code: number }[] = [
      {
        args: ['journey', '--study', 'nergens'],
        nl: 'Er is geen onderzoek “nergens”.',
        en: 'No study "nergens" exists.',
        code: 1,
      },
      {
        args: ['journey', '--study', slug, '--organisation', 'NS'],
        nl: '“NS” is geen partnerorganisatie van dit onderzoek. Kies uit: RET, Vitens.',
        en: '"NS" is not a partner organisation of this study. Choose one of: RET, Vitens.',
        code: 2,
      },
      {
        args: ['journey', '--study', slug, '--format', 'docx'],
        nl: '--format moet een van deze zijn: json, csv, xlsx, pdf.',
        en: '--format must be one of json, csv, xlsx, pdf.',
        code: 2,
      },
    ];
    for (const [i, c] of cases.entries()) {
      const out = join(dir, `fout-${i}.json`);
      const nl = await runCli([...c.args, '--out', out], { ...env, ...dutch });
      expect({ args: c.args, code: nl.code, stdout: nl.stdout }).toEqual({ args: c.args, code: c.code, stdout: '' });
      expect(nl.stderr).toContain(c.nl);
      const en = await runCli([...c.args, '--lang', 'en', '--out', out], { ...env, ...dutch });
      expect({ args: c.args, code: en.code, stdout: en.stdout }).toEqual({ args: c.args, code: c.code, stdout: '' });
      expect(en.stderr).toContain(c.en);
      expect(existsSync(out)).toBe(false);
    }
  });
});
