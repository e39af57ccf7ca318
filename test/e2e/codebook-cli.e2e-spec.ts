import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { readImportFile } from '../../src/coding/codebook-import';
import { runCli } from '../support/cli';
import { createStudy } from '../support/factories';
import { openAppDataSource, resetDatabase, runDir, testDatabaseConfig } from '../support/test-database';
import { validateCodebookXml } from '../support/xml-schema';

const SEED = join(__dirname, '..', 'fixtures', 'codebook', 'seed-contactredenen.csv');

interface Listed {
  id: number;
  tekstId: string | null;
  path: string[];
  logtekst: string | null;
  colour: string;
}

describe('kwadrant codebook (the real command, as a child process)', () => {
  const db = testDatabaseConfig();
  const dir = mkdtempSync(join(runDir(), 'codebook-cli-'));
  const env = { DATA_DIR: dir, DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}` };
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openAppDataSource(db, { migrate: false });
    await resetDatabase(ds);
    await createStudy(ds, { slug: 'seed', title: 'Contactredenen' });
  });
  afterAll(() => ds?.destroy());

  const list = async (): Promise<Listed[]> => {
    const r = await runCli(['codebook', 'list', '--study', 'seed', '--format', 'json'], env);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Listed[];
  };

  it('imports the seed table and lists it as [{ id, tekstId, path, logtekst, colour }], parents first', async () => {
    const dry = await runCli(['codebook', 'import', SEED, '--study', 'seed', '--dry-run'], env);
    expect(dry.code).toBe(0);
    // The seed writes some Tekst-IDs as CONS_ISSUE_HGV_(lv): taken in their regular form, and said so.
    expect(dry.stderr).toContain(
      'Note: line 30, column Tekst-ID: Tekst-ID ‘CONS_ISSUE_HGV_(lv)’ was taken as CONS_ISSUE_HGV_LV.',
    );
    expect(dry.stderr).toMatch(/\nWould replace version 1: 55 added, 0 changed, 0 removed, 4 unchanged\.\n$/);
    expect((await list()).map((c) => c.tekstId)).toEqual([
      null,
      'OORZAAK_FOUT',
      'OORZAAK_SELFSERVICE',
      'OORZAAK_NODIG',
    ]);

    const r = await runCli(['codebook', 'import', SEED, '--study', 'seed'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('as version 2:');
    const codes = await list();
    const expected = await readImportFile(readFileSync(SEED), 'seed.csv');
    if (!expected.ok) throw new Error('the fixture must read');
    expect(codes.map(({ tekstId, path, logtekst, colour }) => ({ tekstId, path, logtekst, colour }))).toEqual(
      expected.codes.map(({ tekstId, path, logtekst, colour }) => ({ tekstId, path, logtekst, colour })),
    );
    expect(Object.keys(codes[0]).sort()).toEqual(['colour', 'id', 'logtekst', 'path', 'tekstId']);
    expect(codes.every((c) => Number.isInteger(c.id))).toBe(true);
    expect(codes.filter((c) => c.tekstId && !c.tekstId.startsWith('OORZAAK_'))).toHaveLength(35);
    expect(codes.find((c) => c.tekstId === 'CONS_VZC_FACT_TBV')).toEqual(
      expect.objectContaining({
        path: ['Verbruik Zonder Contract', 'Factuur', 'Terugbelverzoek gemaakt'],
        logtekst:
          'Naam beller: Klantvraag: Antwoord/afspraken: Factuurnummer of kenmerk brief: Nog apart vaststellen, zaterdag invullen',
      }),
    );
  });

  it('exports csv, xlsx and qdc to files and standard output that import back unchanged; every export audited', async () => {
    const before = await list();
    for (const format of ['csv', 'xlsx', 'qdc']) {
      const out = join(dir, `export.${format}`);
      const r = await runCli(['codebook', 'export', '--study', 'seed', '--format', format, '--out', out], env);
      expect(r.code).toBe(0);
      const file = readFileSync(out);
      if (format === 'qdc') expect(validateCodebookXml(file.toString('utf8'))).toEqual({ valid: true, errors: [] });
      const back = await runCli(['codebook', 'import', out, '--study', 'seed'], env);
      expect(back.code).toBe(0);
      expect(back.stderr).toContain(`as version 2: 0 added, 0 changed, 0 removed, ${before.length} unchanged.`);
    }
    const stdout = await runCli(['codebook', 'export', '--study', 'seed'], env);
    expect(stdout.stdout.startsWith('\uFEFFCategorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst;Kleur\r\n')).toBe(
      true,
    );
    expect(await list()).toEqual(before);
    const events = await ds
      .getRepository(AuditEvent)
      .find({ where: { action: 'codebook.export' }, order: { id: 'ASC' } });
    expect(events.map((e) => [e.actorEmail, e.details?.format, e.details?.via])).toEqual([
      [null, 'csv', 'cli'],
      [null, 'xlsx', 'cli'],
      [null, 'qdc', 'cli'],
      [null, 'csv', 'cli'],
    ]);
  });

  it('refuses a bad file with line, column and reason, and changes nothing', async () => {
    const before = await list();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\nA;B;C;A_B;\n;;D;A_B;\n');
    const r = await runCli(['codebook', 'import', bad, '--study', 'seed'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Problem: line 3, column Tekst-ID: Tekst-ID A_B is also on line 2. Each Tekst-ID may occur only once. (codebook.error.duplicate_tekst_id)',
    );
    expect(r.stderr).toContain('nothing was imported');
    const missing = await runCli(['codebook', 'import', join(dir, 'none.csv'), '--study', 'seed'], env);
    expect(missing.code).toBe(2);
    const format = await runCli(['codebook', 'export', '--study', 'seed', '--format', 'pdf'], env);
    expect(format.code).toBe(2);
    expect(await list()).toEqual(before);
  });
});
