import { mkdtempSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { runCli } from '../support/cli';
import { createStudy } from '../support/factories';
import { openAppDataSource, resetDatabase, runDir, testDatabaseConfig } from '../support/test-database';

const ERRORS = join(__dirname, '..', 'fixtures', 'import', 'errors-semicolon.csv');

/**
 * What the import commands say about a file, and what they say when done, come from the message catalogue in the
 * command line's language: Dutch by default (KWADRANT_LANG empty), English with KWADRANT_LANG=en or --lang en.
 */
describe('kwadrant imports in the language of the command line (the real command, as a child process)', () => {
  const db = testDatabaseConfig();
  const dir = mkdtempSync(join(runDir(), 'cli-language-'));
  const env = { DATA_DIR: dir, DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}` };
  const dutch = { ...env, KWADRANT_LANG: '' };
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openAppDataSource(db, { migrate: false });
    await resetDatabase(ds);
    await createStudy(
      ds,
      { slug: 'talen', title: 'Talen' },
      { organisations: ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht'] },
    );
  });
  afterAll(() => ds?.destroy());

  it('says why a respondent row cannot be read in Dutch, and in English', async () => {
    const nl = await runCli(['respondents', 'import', ERRORS, '--study', 'talen'], dutch);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain(
      'regel 3, kolom "Geslacht" ("q"): onbekend geslacht "q"; verwacht m (man), v (vrouw) of x (anders / zeg ik liever niet)\n',
    );
    expect(nl.stderr).toContain(
      'regel 6, kolom "Organisatie" ("Waterschap Rijn"): onbekende organisatie "Waterschap Rijn"; de organisaties van dit onderzoek zijn: RET, Vitens, Belastingdienst, Gemeente Utrecht\n',
    );
    expect(nl.stderr).not.toMatch(/unknown|expected|cannot read/);

    const en = await runCli(['--lang', 'en', 'respondents', 'import', ERRORS, '--study', 'talen', '--dry-run'], dutch);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(
      'line 3, column "Geslacht" ("q"): unknown gender "q"; expected m (man), v (vrouw) or x (anders / zeg ik liever niet)\n',
    );
    // The report on standard output carries the same words.
    const report = JSON.parse(en.stdout) as { errors: { column: string; reason: string }[] };
    expect(report.errors.find((e) => e.column === 'Leeftijd')?.reason).toBe(
      'cannot read age "vijftig"; expected whole years (47) or a band (45-54, 65+)',
    );
  });

  it('says what is wrong with a codebook file in Dutch, and in English', async () => {
    const file = join(dir, 'codeboek.csv');
    writeFileSync(
      file,
      'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\nZakelijk;Facturen;;ZAK_FACT;\nZakelijk;Herinneringen;;ZAK_FACT;\n',
    );
    const nl = await runCli(['codebook', 'import', file, '--study', 'talen'], dutch);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain('Probleem: regel 3, kolom Tekst-ID: Tekst-ID ZAK_FACT staat ook al op regel 2.');
    expect(nl.stderr).toContain(`Fout: er is niets geïmporteerd uit ${file}.`);
    const en = await runCli(['codebook', 'import', file, '--study', 'talen'], { ...env, KWADRANT_LANG: 'en' });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Problem: line 3, column Tekst-ID: Tekst-ID ZAK_FACT is also on line 2.');
  });

  it('says why a QDA project cannot be read in Dutch, and in English', async () => {
    const file = join(dir, 'project.qdpx');
    writeFileSync(file, 'geen zip');
    const nl = await runCli(['qdpx', 'import', file, '--study', 'talen'], dutch);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain('Fout: project.qdpx is geen leesbaar REFI-QDA-project: het is geen zip-archief.\n');
    const en = await runCli(['qdpx', 'import', file, '--study', 'talen'], { ...env, KWADRANT_LANG: 'en' });
    expect(en.stderr).toContain(
      'Error: project.qdpx is not a REFI-QDA project that can be read: it is not a zip archive.\n',
    );
  });

  it('says that a file to import is not there, or is a folder, in Dutch and in English', async () => {
    const missing = join(dir, 'weg.csv');
    for (const command of [['respondents'], ['homework'], ['codebook'], ['qdpx']]) {
      const nl = await runCli([...command, 'import', missing, '--study', 'talen'], dutch);
      expect([command, nl.code, nl.stderr]).toEqual([
        command,
        2,
        `Fout: ${missing} kan niet gelezen worden: dat bestand bestaat niet\n`,
      ]);
    }
    const folder = await runCli(['codebook', 'import', dir, '--study', 'talen', '--lang', 'en'], dutch);
    expect(folder.stderr).toBe(`Error: Cannot read ${dir}: that is a folder, not a file\n`);
    const en = await runCli(['homework', 'import', missing, '--study', 'talen', '--lang', 'en'], dutch);
    expect(en.stderr).toBe(`Error: Cannot read ${missing}: there is no such file\n`);
  });

  it('says which file the journey report went to in Dutch, and in English', async () => {
    const out = join(dir, 'reis.csv');
    const nl = await runCli(['journey', '--study', 'talen', '--format', 'csv', '--out', out], dutch);
    expect(nl.code).toBe(0);
    expect(nl.stderr).toBe(`${out} geschreven.\n`);
    const en = await runCli(['journey', '--study', 'talen', '--format', 'csv', '--out', out, '--lang', 'en'], dutch);
    expect(en.stderr).toBe(`Wrote ${out}.\n`);
  });
});
