import { readFileSync } from 'fs';
import { join } from 'path';
import { CAUSE_TEKST_IDS } from '../../src/coding/codebook';
import { readImportFile } from '../../src/coding/codebook-import';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { createStudy, createUser } from '../support/factories';
import { Agent, download, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { validateCodebookXml } from '../support/xml-schema';

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'codebook', 'seed-contactredenen.csv'));

interface ApiCode {
  id: number | null;
  guid: string;
  tekstId: string | null;
  path: string[];
  logtekst: string | null;
  colour: string;
  builtIn: boolean;
}

const content = (codes: { path: string[]; tekstId: string | null; logtekst: string | null; colour: string }[]) =>
  codes.map((c) => ({ path: c.path, tekstId: c.tekstId, logtekst: c.logtekst, colour: c.colour }));

describe('the study codebook (API and pages)', () => {
  let t: TestApp;
  let researcher: Agent;
  let csrf: string;
  let partner: Agent;
  let slug: string;
  let studyId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const { study, organisations } = await createStudy(t.dataSource, { slug: 'codes', title: 'Codeerstudie' });
    slug = study.slug;
    studyId = study.id;
    const r = await createUser(t.dataSource, { role: 'researcher', email: 'onderzoeker@example.org' });
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: organisations[0].id });
    ({ agent: researcher, csrf } = await loginAgent(t.app, r.email, r.password));
    partner = (await loginAgent(t.app, p.email, p.password)).agent;
  });
  afterAll(() => t.close());

  const codebook = async () =>
    (await researcher.get(`/api/studies/${slug}/codebook`).expect(200)).body as { version: number; codes: ApiCode[] };
  const importFile = (body: Buffer, query: string, type = 'text/csv') =>
    researcher
      .post(`/api/studies/${slug}/codebook/import?${query}`)
      .set('x-csrf-token', csrf)
      .set('content-type', type)
      .send(body);
  const audits = (action: string) =>
    t.dataSource.getRepository(AuditEvent).find({ where: { action, studyId }, order: { id: 'ASC' } });

  it('starts with the built-in cause group as version 1, and partners cannot see it', async () => {
    const book = await codebook();
    expect(book.version).toBe(1);
    expect(book.codes.map((c) => c.tekstId)).toEqual([null, ...CAUSE_TEKST_IDS]);
    expect(book.codes.every((c) => c.builtIn && Number.isInteger(c.id))).toBe(true);
    // Read again (and by two at once): the same rows, no second version.
    expect(await Promise.all([codebook(), codebook()])).toEqual([book, book]);
    const history = (await researcher.get(`/api/studies/${slug}/codebook/history`).expect(200)).body.items as unknown[];
    expect(history).toEqual([expect.objectContaining({ version: 1, kind: 'create', changedByEmail: null })]);
    await partner.get(`/api/studies/${slug}/codebook`).expect(403);
    await partner.get(`/api/studies/${slug}/codebook/export?format=csv`).expect(403);
    await partner.get(`/studies/${slug}/codebook`).expect(403);
    await researcher.get('/api/studies/unknown/codebook').expect(404);
  });

  it('imports the seed table: a dry run first changes nothing, then one version with every code and an audit event', async () => {
    const dry = await importFile(SEED, 'dryRun=true&fileName=seed.csv').expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv', version: 1, changed: 0, removed: 0, unchanged: 4 });
    expect((await codebook()).version).toBe(1);

    const done = await importFile(SEED, 'fileName=seed.csv').expect(200);
    expect(done.body).toMatchObject({ dryRun: false, version: 2, added: dry.body.added, removed: 0 });
    const book = await codebook();
    expect(book.version).toBe(2);
    const expected = await readImportFile(SEED, 'seed.csv');
    if (!expected.ok) throw new Error('the fixture must read');
    expect(content(book.codes)).toEqual(content(expected.codes));
    expect(book.codes.filter((c) => c.tekstId !== null)).toHaveLength(35 + 3);
    expect(book.codes.find((c) => c.tekstId === 'CONS_INFO_INST_EAN')).toMatchObject({
      path: ['Informatievoorziening / NAW mutaties', 'Installatie gegevens', 'EAN code'],
      logtekst: 'Naam beller: Klantvraag: Product: EAN-code doorgegeven:',
    });
    const [event] = await audits('codebook.import');
    expect(event).toMatchObject({
      actorEmail: 'onderzoeker@example.org',
      subjectId: slug,
      details: { version: 2, format: 'csv', fileName: 'seed.csv', added: dry.body.added },
    });
  });

  it('exports CSV, XLSX and .qdc that import back as the same codebook, every export audited, the .qdc valid', async () => {
    const before = await codebook();
    for (const format of ['csv', 'xlsx', 'qdc'] as const) {
      const res = await download(researcher, `/api/studies/${slug}/codebook/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="codeboek-${slug}-v${before.version}.${format}"`,
      );
      if (format === 'qdc') {
        const xml = res.body.toString('utf8');
        expect(validateCodebookXml(xml)).toEqual({ valid: true, errors: [] });
        expect(xml).toContain('isCodable="false"');
        expect(xml).toContain('Tekst-ID: CONS_INFO_INST_EAN');
      }
      const back = await readImportFile(res.body, `export.${format}`);
      if (!back.ok) throw new Error(`${format} does not read back: ${JSON.stringify(back.errors)}`);
      expect(content(back.codes)).toEqual(content(before.codes));
      // Imported again: nothing changes, not even the version, and every code keeps its row and GUID.
      const again = await importFile(
        res.body,
        `fileName=export.${format}`,
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : format === 'qdc'
            ? 'application/xml'
            : 'text/csv',
      ).expect(200);
      expect(again.body).toMatchObject({
        format,
        version: before.version,
        added: 0,
        changed: 0,
        removed: 0,
        unchanged: before.codes.length,
      });
      expect(await codebook()).toEqual(before);
    }
    const exports = await audits('codebook.export');
    expect(exports.map((e) => e.details?.format)).toEqual(['csv', 'xlsx', 'qdc']);
    expect(exports.every((e) => e.actorEmail === 'onderzoeker@example.org')).toBe(true);
    expect((await audits('codebook.import')).map((e) => e.details?.format)).toEqual(['csv', 'csv', 'xlsx', 'qdc']);
  });

  it('refuses a bad file with every problem by line and column, in the reader language, and changes nothing', async () => {
    const before = await codebook();
    const bad = Buffer.from(
      [
        'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst',
        'A;B;C;A_B_C;x',
        ';;D;A_B_C;y',
        ';;E;123;',
        'X;;F;X_F;',
      ].join('\r\n'),
    );
    const res = await importFile(bad, 'fileName=bad.csv').expect(400);
    expect(res.body.code).toBe('codebook.file_refused');
    const errors = res.body.details.errors as { line: number; column: string; code: string; message: string }[];
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'Tekst-ID', 'codebook.error.duplicate_tekst_id'],
      [4, 'Tekst-ID', 'codebook.error.tekst_id_format'],
      [5, 'Categorie 2', 'codebook.error.categorie_3_without_categorie_2'],
    ]);
    expect(errors[0].message).toBe(
      'Tekst-ID A_B_C staat ook al op regel 2. Elke Tekst-ID mag maar één keer voorkomen.',
    );
    const en = await importFile(bad, 'fileName=bad.csv&lang=en').expect(400);
    expect(en.body.details.errors[0].message).toBe(
      'Tekst-ID A_B_C is also on line 2. Each Tekst-ID may occur only once.',
    );
    await researcher.get(`/api/studies/${slug}/codebook?lang=nl`).expect(200);
    // Not XML, and a .qdc whose code sits four levels deep.
    await importFile(Buffer.from('<CodeBook'), 'fileName=x.qdc', 'application/xml').expect(400);
    const deep = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="A" isCodable="false"><Code guid="22222222-2222-4222-8222-222222222222" name="B" isCodable="false"><Code guid="33333333-3333-4333-8333-333333333333" name="C" isCodable="false"><Code guid="44444444-4444-4444-8444-444444444444" name="D" isCodable="true"/></Code></Code></Code></Codes></CodeBook>`;
    const refused = await importFile(Buffer.from(deep), 'fileName=deep.qdc', 'application/xml').expect(400);
    expect(refused.body.details.errors).toEqual([
      expect.objectContaining({ where: 'A / B / C / D', code: 'codebook.error.qdc.too_many_levels' }),
    ]);
    // A code the reader leaves out is named in the reader's words, with the element as data for scripts.
    const colour = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="Zakelijk" color="paars?" isCodable="true"/></Codes></CodeBook>`;
    const place = { kind: 'code', name: 'Zakelijk' };
    const nl = await importFile(Buffer.from(colour), 'fileName=kleur.qdc', 'application/xml').expect(400);
    expect(nl.body.details.errors).toEqual([
      {
        line: null,
        column: null,
        where: 'Code ‘Zakelijk’',
        place,
        code: 'codebook.error.qdc.bad-colour',
        message: 'De kleur van deze code is niet te lezen.',
      },
    ]);
    const inEnglish = await importFile(Buffer.from(colour), 'fileName=kleur.qdc&lang=en', 'application/xml').expect(
      400,
    );
    expect(inEnglish.body.details.errors).toEqual([expect.objectContaining({ where: 'Code ‘Zakelijk’', place })]);
    await researcher.get(`/api/studies/${slug}/codebook?lang=nl`).expect(200);
    await importFile(Buffer.alloc(0), 'fileName=empty.csv').expect(400);
    const after = await codebook();
    expect(after).toEqual(before);
  });

  it('adds, edits and deletes codes through the API, each a version with an audit event; the cause codes stay', async () => {
    const start = await codebook();
    const categoryColour = start.codes.find((c) => c.path.join('/') === 'Informatievoorziening / NAW mutaties')!.colour;
    const added = await researcher
      .post(`/api/studies/${slug}/codebook/codes`)
      .set('x-csrf-token', csrf)
      .send({
        cat1: 'Informatievoorziening / NAW mutaties',
        cat2: 'Installatie gegevens',
        cat3: 'Slimme meter',
        tekstId: 'CONS_INFO_INST_SLIM',
        logtekst: 'Naam beller:',
      })
      .expect(201);
    expect(added.body).toMatchObject({ tekstId: 'CONS_INFO_INST_SLIM', colour: categoryColour });
    const id = added.body.id as number;
    await researcher
      .put(`/api/studies/${slug}/codebook/codes/${id}`)
      .set('x-csrf-token', csrf)
      .send({
        cat1: 'Informatievoorziening / NAW mutaties',
        cat2: 'Installatie gegevens',
        cat3: 'Slimme meter',
        tekstId: 'CONS_INFO_INST_SLIM',
        colour: '#112233',
      })
      .expect(200);
    const duplicate = await researcher
      .post(`/api/studies/${slug}/codebook/codes`)
      .set('x-csrf-token', csrf)
      .send({ cat1: 'Nieuw', tekstId: 'CONS_INFO_INST_SLIM' })
      .expect(400);
    expect(duplicate.body).toMatchObject({
      code: 'codebook.code_invalid',
      details: {
        fields: {
          tekstId: [
            'Tekst-ID CONS_INFO_INST_SLIM is al in gebruik (code Informatievoorziening / NAW mutaties › Installatie gegevens › Slimme meter). Elke Tekst-ID mag maar één keer voorkomen.',
          ],
        },
      },
    });
    const orphan = await researcher
      .post(`/api/studies/${slug}/codebook/codes`)
      .set('x-csrf-token', csrf)
      .send({ cat1: 'Nergens', cat2: 'Onder', cat3: 'Iets', tekstId: 'NERG_ONDE' })
      .expect(201);
    expect(orphan.body.path).toEqual(['Nergens', 'Onder', 'Iets']);
    const book = await codebook();
    // A code's categories come with it: "Nergens" and "Nergens / Onder" would otherwise be missing parents.
    expect(book.codes.filter((c) => c.path[0] === 'Nergens').map((c) => c.path.join('/'))).toEqual([
      'Nergens',
      'Nergens/Onder',
      'Nergens/Onder/Iets',
    ]);

    const fout = book.codes.find((c) => c.tekstId === 'OORZAAK_FOUT')!;
    const refused = await researcher
      .delete(`/api/studies/${slug}/codebook/codes/${fout.id}`)
      .set('x-csrf-token', csrf)
      .expect(409);
    expect(refused.body.code).toBe('codebook.built_in');
    await researcher
      .put(`/api/studies/${slug}/codebook/codes/${fout.id}`)
      .set('x-csrf-token', csrf)
      .send({ cat1: 'Oorzaak', cat2: 'Fout', tekstId: 'ANDERS' })
      .expect(409);
    const group = book.codes.find((c) => c.path.join('/') === 'Nergens')!;
    expect(
      (await researcher.delete(`/api/studies/${slug}/codebook/codes/${group.id}`).set('x-csrf-token', csrf).expect(200))
        .body,
    ).toEqual({ removed: 3 });
    await researcher.delete(`/api/studies/${slug}/codebook/codes/${id}`).set('x-csrf-token', csrf).expect(200);
    expect((await codebook()).version).toBe(start.version + 5);
    expect((await audits('codebook.code.add')).map((e) => e.details?.tekstId)).toEqual([
      'CONS_INFO_INST_SLIM',
      'NERG_ONDE',
    ]);
    expect((await audits('codebook.code.edit')).map((e) => e.details)).toEqual([
      expect.objectContaining({
        tekstId: 'CONS_INFO_INST_SLIM',
        before: expect.objectContaining({ colour: categoryColour }),
      }),
    ]);
    expect((await audits('codebook.code.delete')).map((e) => e.details?.removed)).toEqual([3, 1]);
    const history = (await researcher.get(`/api/studies/${slug}/codebook/history`).expect(200)).body.items as {
      version: number;
      kind: string;
      changedByEmail: string;
    }[];
    expect(history.slice(0, 4).map((h) => h.kind)).toEqual(['delete', 'delete', 'add', 'edit']);
    // The page's history counts what each deletion took: one code in the singular.
    const shown = (await researcher.get(`/studies/${slug}/codebook?lang=nl`).expect(200)).text;
    expect(shown).toMatch(/verwijderd \(3 codes\)/);
    expect(shown).toMatch(/verwijderd \(1 code\)/);
    // Every version but the first (the platform storing the cause group) names who made it.
    expect(history.slice(0, -1).every((h) => h.changedByEmail === 'onderzoeker@example.org')).toBe(true);
  });

  it('edits on the pages: the tree, a refused code back in its form, a delete that asks first', async () => {
    const page = await researcher.get(`/studies/${slug}/codebook`).expect(200);
    expect(page.text).toContain('CONS_INFO_INST_EAN');
    expect(page.text).toContain(`href="/studies/${slug}/codebook"`);
    const form = await researcher
      .post(`/studies/${slug}/codebook/codes`)
      .type('form')
      .send({ _csrf: csrf, cat1: 'Facturen', tekstId: 'fout id', colour: 'rood' })
      .expect(400);
    expect(form.text).toContain('Tekst-ID ‘fout id’ is niet goed');
    expect(form.text).toContain('Kleur ‘rood’ is niet goed');
    expect(form.text).toContain('value="Facturen"');
    const before = await codebook();
    const created = await researcher
      .post(`/studies/${slug}/codebook/codes`)
      .type('form')
      .send({ _csrf: csrf, cat1: 'Facturen', cat2: '', cat3: '', tekstId: 'FACT', logtekst: '', colour: '' })
      .expect(303);
    const code = (await codebook()).codes.find((c) => c.tekstId === 'FACT')!;
    expect(created.headers.location).toBe(`/studies/${slug}/codebook#code-${code.id}`);
    await researcher.get(`/studies/${slug}/codebook/codes/${code.id}/edit`).expect(200);
    await researcher
      .post(`/studies/${slug}/codebook/codes/${code.id}`)
      .type('form')
      .send({ _csrf: csrf, cat1: 'Facturen', tekstId: 'FACT_ALG', colour: '#abcdef' })
      .expect(303);
    expect((await codebook()).codes.find((c) => c.id === code.id)).toMatchObject({
      tekstId: 'FACT_ALG',
      colour: '#ABCDEF',
    });
    const ask = await researcher
      .post(`/studies/${slug}/codebook/codes/${code.id}/delete`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(ask.text).toContain('Code FACT_ALG verwijderen?');
    expect((await codebook()).codes.some((c) => c.id === code.id)).toBe(true);
    await researcher
      .post(`/studies/${slug}/codebook/codes/${code.id}/delete`)
      .type('form')
      .send({ _csrf: csrf, confirm: 'yes' })
      .expect(303);
    expect(content((await codebook()).codes)).toEqual(content(before.codes));
    await researcher.get(`/studies/${slug}/codebook/import`).expect(200);
    const audit = await researcher.get('/audit?action=codebook').expect(200);
    expect(audit.text).toContain('Code FACT_ALG (Facturen) verwijderd uit het codeboek van codes');
  });

  it('stores two changes made at the same moment one after the other, or refuses one with 409: never two of one version', async () => {
    const before = await codebook();
    const add = (tekstId: string) =>
      researcher
        .post(`/api/studies/${slug}/codebook/codes`)
        .set('x-csrf-token', csrf)
        .send({ cat1: 'Tegelijk', cat2: tekstId, tekstId });
    const answers = await Promise.all(['SAME_A', 'SAME_B', 'SAME_C'].map(add));
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const stored = answers.filter((a) => a.status === 201).length;
    expect(stored).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('codebook.changed');
    const after = await codebook();
    expect(after.version).toBe(before.version + stored);
    expect(after.codes.filter((c) => c.tekstId?.startsWith('SAME_'))).toHaveLength(stored);
    const history = (await researcher.get(`/api/studies/${slug}/codebook/history`).expect(200)).body.items as {
      version: number;
    }[];
    expect(new Set(history.map((h) => h.version)).size).toBe(history.length);
  });
});
