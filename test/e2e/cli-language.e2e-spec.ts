import { mkdtempSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { runCli } from '../support/cli';
import { zipOf } from '../support/zip';
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

  it('names what it left out of a QDA project in Dutch, and in English: sources, selections, codes', async () => {
    const file = join(dir, 'anders.qdpx');
    const guid = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
    const project = [
      '<Project xmlns="urn:QDA-XML:project:1.0" name="Anders">',
      `<CodeBook><Codes><Code guid="${guid(1)}" name="Kleur" color="paars?" isCodable="true"/></Codes></CodeBook>`,
      `<Sources><PictureSource guid="${guid(2)}" name="Foto"/>`,
      `<TextSource guid="${guid(3)}" name="R09"><PlainTextContent>Gebeld en gemaild.</PlainTextContent>`,
      `<PlainTextSelection guid="${guid(4)}" startPosition="0" endPosition="6">`,
      `<Coding guid="${guid(5)}"><CodeRef targetGUID="${guid(1)}"/></Coding></PlainTextSelection>`,
      `<PlainTextSelection guid="${guid(6)}" startPosition="9" endPosition="2"/>`,
      '</TextSource></Sources></Project>',
    ].join('');
    writeFileSync(file, await zipOf({ 'project.qde': project }));
    const args = ['qdpx', 'import', file, '--study', 'talen', '--dry-run'];
    const nl = await runCli(args, dutch);
    expect(nl.code).toBe(0);
    expect(nl.stderr.split('\n').filter(Boolean)).toEqual([
      'Niet geïmporteerd: Code ‘Kleur’: een kleur is onleesbaar; de code houdt geen kleur (bad-colour)',
      'Niet geïmporteerd: Afbeeldingsbron ‘Foto’: alleen tekstbronnen worden gelezen (unsupported-source)',
      'Niet geïmporteerd: Bron ‘R09’, selectie 2: de posities van een selectie zijn geen stuk van de tekst (bad-position)',
      'Niet geïmporteerd: Bron ‘R09’: de bron is geen huiswerk van dit onderzoek (unknown-source)',
      'Zou importeren: coderingen: 0, nieuwe codes: 1, al aanwezig: 0, niet geplaatst: 4.',
    ]);
    // The report on standard output says the same, with the place as data for scripts.
    expect(JSON.parse(nl.stdout).unmatched[2]).toEqual({
      code: 'bad-position',
      where: 'Bron ‘R09’, selectie 2',
      place: { kind: 'selection', source: 'R09', selection: 2 },
      message: 'de posities van een selectie zijn geen stuk van de tekst',
    });
    const en = await runCli([...args, '--lang', 'en'], dutch);
    expect(en.stderr).toContain('Picture source ‘Foto’: only text sources are read');
    expect(en.stderr).toContain('Source ‘R09’, selection 2: ');
    expect(en.stderr).not.toMatch(/Bron|selectie|TextSource|PlainTextSelection/);
  });

  it('says an unknown organisation in Dutch without an English block of details under it', async () => {
    for (const command of [['journey'], ['actions', 'list']]) {
      const nl = await runCli([...command, '--study', 'talen', '--organisation', 'Nergens'], dutch);
      expect([command, nl.code, nl.stderr]).toEqual([
        command,
        2,
        'Fout: “Nergens” is geen partnerorganisatie van dit onderzoek. Kies uit: RET, Vitens, Belastingdienst, Gemeente Utrecht.\n',
      ]);
    }
    const en = await runCli(
      ['actions', 'list', '--study', 'talen', '--organisation', 'Nergens', '--lang', 'en'],
      dutch,
    );
    expect(en.stderr).toContain('is not a partner organisation of this study');
  });

  it('says what --revert takes in Dutch, and in English', async () => {
    const nl = await runCli(['migrate', '--revert', 'twee'], dutch);
    expect([nl.code, nl.stderr]).toEqual([2, 'Fout: --revert verwacht een heel getal of "all".\n']);
    const en = await runCli(['migrate', '--revert', '-1', '--lang', 'en'], dutch);
    expect([en.code, en.stderr]).toEqual([2, 'Error: --revert takes a whole number or "all".\n']);
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
