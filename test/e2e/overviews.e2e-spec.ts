import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { QUADRANTS } from '../../src/common/domain';
import { textOf } from '../../src/common/text-of';
import { rowCells } from '../../src/overviews/exporters/labels';
import { pdfPageTexts, rowFromCells } from '../../src/overviews/exporters/read-back.fixture';
import type { OrganisationRow } from '../../src/overviews/anonymise';
import type { OverviewJson } from '../../src/overviews/overviews.service';
import { createBijlage5Study } from '../support/overview-factories';
import { createRespondent, createStudy, createUser } from '../support/factories';
import { Agent, download, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

const rowsOf = (json: OverviewJson): OrganisationRow[] =>
  json.organisations.flatMap((o) => o.rows.map((r) => ({ ...r, organisation: o.name })));

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** Page text with the entities Handlebars writes for = and &, so links and formulas read as typed. */
const decoded = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

const cellTexts = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1).map(textOf);

describe('respondent overviews and the partner portal', () => {
  let t: TestApp;
  let researcher: Agent;
  let partnerRet: Agent;
  let partnerVitens: Agent;
  let slug: string;
  let otherSlug: string;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const { study, organisations } = await createBijlage5Study(ds, { slug: 'wp2a', title: 'Publieke dienstverlening' });
    slug = study.slug;
    const ret = organisations.find((o) => o.name === 'RET')!;
    const vitens = organisations.find((o) => o.name === 'Vitens')!;
    // Outside the default population, with personal data that must never leave in any format.
    const secret = {
      firstName: 'Geheimnaam',
      email: 'geheim@example.org',
      phone: '0612345678',
      statusReason: 'vrije tekst die niet mag lekken',
    };
    await createRespondent(ds, study.id, ret.id, {
      ...secret,
      status: 'invited',
      quadrant: 'gemakzoeker',
      age: '19',
      ageMin: 19,
      ageMax: 19,
    });
    await createRespondent(ds, study.id, ret.id, { ...secret, status: 'declined', quadrant: 'gemakzoeker' });
    await createRespondent(ds, study.id, ret.id, { ...secret, status: 'eligible', quadrant: 'informatiezoeker' });
    await createRespondent(ds, study.id, ret.id, { ...secret, status: 'ineligible', quadrant: 'informatiezoeker' });
    await createRespondent(ds, study.id, ret.id, {
      ...secret,
      status: 'erased',
      quadrant: 'informatiezoeker',
      erasedAt: new Date(),
    });
    await createRespondent(ds, study.id, ret.id, {
      ...secret,
      status: 'participated',
      quadrant: 'zekerheidszoeker',
      erasedAt: new Date(),
    });
    await createRespondent(ds, study.id, null as unknown as number, {
      ...secret,
      status: 'ineligible',
      quadrant: 'gemakzoeker',
    });
    const first = await createRespondent(ds, study.id, ret.id, {
      ...secret,
      status: 'ineligible',
      quadrant: 'gemakzoeker',
      statusReason: 'not-a-customer',
    });
    await createRespondent(ds, study.id, ret.id, {
      ...secret,
      status: 'ineligible',
      quadrant: 'gemakzoeker',
      statusReason: 'duplicate-email',
      duplicateOfId: first.id,
    });
    const other = await createStudy(
      ds,
      { slug: 'zonder-ret', title: 'Zonder RET' },
      { organisations: ['Vitens', 'Belastingdienst'] },
    );
    otherSlug = other.study.slug;
    await createRespondent(ds, other.study.id, other.organisations[0].id, { ...secret, status: 'participated' });

    const r = await createUser(ds, { role: 'researcher' });
    const pr = await createUser(ds, { role: 'partner', organisationId: ret.id });
    const pv = await createUser(ds, { role: 'partner', organisationId: vitens.id });
    researcher = (await loginAgent(t.app, r.email, r.password)).agent;
    partnerRet = (await loginAgent(t.app, pr.email, pr.password)).agent;
    partnerVitens = (await loginAgent(t.app, pv.email, pv.password)).agent;
  });
  afterAll(() => t.close());

  async function json(agent: Agent, url: string): Promise<OverviewJson> {
    const res = await download(agent, url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return JSON.parse(res.body.toString('utf8'));
  }

  it('answers the documented JSON shape with the counts of page 2 and the rows of Bijlage 5', async () => {
    const overview = await json(researcher, `/api/studies/${slug}/overview`);
    expect(Object.keys(overview).sort()).toEqual(['limit', 'offset', 'organisations', 'population', 'study', 'totals']);
    expect(overview).toMatchObject({
      study: 'wp2a',
      population: 'participants',
      totals: {
        total: 44,
        counts: { informatiezoeker: 13, zekerheidszoeker: 12, 'rust-in-je-hoofdzoeker': 12, gemakzoeker: 7 },
      },
    });
    expect(overview.organisations.map((o) => [o.name, o.total, QUADRANTS.map((q) => o.counts[q])])).toEqual([
      ['Belastingdienst', 11, [3, 3, 3, 2]],
      ['RET', 12, [4, 3, 3, 2]],
      ['Vitens', 12, [3, 3, 3, 3]],
      ['Gemeente Utrecht', 9, [3, 3, 3, 0]],
    ]);
    for (const o of overview.organisations) {
      expect(Object.keys(o).sort()).toEqual(['counts', 'name', 'rows', 'total']);
      for (const row of o.rows)
        expect(Object.keys(row).sort()).toEqual(['age', 'digitalComfort', 'education', 'gender', 'quadrant']);
    }
    // Sorted by quadrant in DESIGN.md order, then age.
    expect(overview.organisations[1].rows.slice(0, 4)).toEqual([
      { gender: 'm', age: '45-54', education: 'mbo', digitalComfort: 'zeer-comfortabel', quadrant: 'informatiezoeker' },
      { gender: 'm', age: '45-54', education: 'wo', digitalComfort: 'zeer-comfortabel', quadrant: 'informatiezoeker' },
      {
        gender: 'v',
        age: '45-54',
        education: 'havo-vwo',
        digitalComfort: 'zeer-comfortabel',
        quadrant: 'informatiezoeker',
      },
      { gender: 'm', age: '70', education: 'mbo', digitalComfort: 'neutraal', quadrant: 'informatiezoeker' },
    ]);
  });

  it('reads every format back to the rows and counts of the JSON', async () => {
    const expected = await json(researcher, `/api/studies/${slug}/overview`);
    const rows = rowsOf(expected);

    const csv = await download(researcher, `/api/studies/${slug}/overview?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="respondentenoverzicht-wp2a-participants.csv"',
    );
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(csv.body, { bom: true, delimiter: ';' });
    expect(records[0]).toEqual([
      'Geslacht',
      'Leeftijd',
      'Opleidingsniveau',
      'Mate comfortabel met digitale middelen',
      'Kwadrant',
      'Organisatie',
    ]);
    expect(records.slice(1).map((c) => rowFromCells(c))).toEqual(rows);

    const comma = await download(researcher, `/api/studies/${slug}/overview?format=csv&delimiter=,`);
    expect(
      parse(comma.body, { bom: true, delimiter: ',' })
        .slice(1)
        .map((c: string[]) => rowFromCells(c)),
    ).toEqual(rows);

    const xlsx = await download(researcher, `/api/studies/${slug}/overview?format=xlsx`);
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="respondentenoverzicht-wp2a-participants.xlsx"',
    );
    const workbook = await readXlsx(xlsx.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Samenstelling',
      'Belastingdienst',
      'RET',
      'Vitens',
      'Gemeente Utrecht',
    ]);
    const xlsxRows: OrganisationRow[] = [];
    for (const sheet of workbook.worksheets.slice(1))
      sheet.eachRow((row, n) => n > 1 && xlsxRows.push(rowFromCells(cellTexts(row))));
    expect(xlsxRows).toEqual(rows);
    const composition: string[][] = [];
    workbook.getWorksheet('Samenstelling')!.eachRow((row) => composition.push(cellTexts(row)));
    expect(composition).toEqual(
      expect.arrayContaining([
        ['RET', '4', '3', '3', '2', '12'],
        ['Totaal', '13', '12', '12', '7', '44'],
      ]),
    );

    const pdf = await download(researcher, `/api/studies/${slug}/overview?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPageTexts(pdf.body);
    // People read the study's title; the slug stays in the JSON and the file name.
    expect(pages[0]).toContain('Onderzoek: Publieke dienstverlening');
    expect(pages[0]).toContain('Let op: 44 rijen komen maar één keer voor');
    expect(pages[0]).toContain('Gemeente Utrecht 3 3 3 0 9');
    expect(pages[0]).toContain('Totaal 13 12 12 7 44');
    const pdfRows = pages.flatMap((p) => p.split('\n')).filter((line) => /^[mvx] /.test(line));
    expect(pdfRows).toEqual(rows.map((r) => rowCells(r, 'nl').join(' ')));

    const md = await download(researcher, `/api/studies/${slug}/overview?format=md`);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const mdText = md.body.toString('utf8');
    expect(mdText).toContain('| RET | 4 | 3 | 3 | 2 | 12 |');
    expect(mdText.split('\n').filter((l) => /^\| [mvx] \|/.test(l))).toHaveLength(44);
  });

  it('never puts names, e-mail addresses, phone numbers, ids or free text in any format', async () => {
    for (const format of ['json', 'csv', 'md']) {
      const text = (
        await download(researcher, `/api/studies/${slug}/overview?format=${format}&population=all`)
      ).body.toString('utf8');
      for (const secret of ['Geheimnaam', 'geheim@example.org', '0612345678', 'vrije tekst', '@example'])
        expect(text).not.toContain(secret);
    }
    const workbook = await readXlsx(
      (await download(researcher, `/api/studies/${slug}/overview?format=xlsx&population=all`)).body,
    );
    const pdf = await pdfPageTexts(
      (await download(researcher, `/api/studies/${slug}/overview?format=pdf&population=all`)).body,
    );
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => cells.push(...cellTexts(row)));
    for (const text of [cells.join('\n'), pdf.join('\n')]) {
      expect(text).toContain('Informatiezoeker');
      for (const secret of [
        'Geheimnaam',
        'geheim@example.org',
        '0612345678',
        'vrije tekst',
        '@example',
        'not-a-customer',
        'duplicate-email',
      ])
        expect(text).not.toContain(secret);
    }
    const json = await download(researcher, `/api/studies/${slug}/overview?population=all`);
    expect(json.body.toString()).not.toMatch(/"id"|"email"|"firstName"|"phone"/);
  });

  it('selects the population: participants, invited, eligible or all (never erased, duplicate or without organisation)', async () => {
    const totals = async (population: string) =>
      (await json(researcher, `/api/studies/${slug}/overview?population=${population}&organisation=RET`)).totals.total;
    expect(await totals('participants')).toBe(12);
    expect(await totals('invited')).toBe(13);
    expect(await totals('eligible')).toBe(15);
    expect(await totals('all')).toBe(17);
  });

  it('shows ages in bands on request, and suppresses small cells in the composition table only', async () => {
    const banded = await json(researcher, `/api/studies/${slug}/overview?ageBands=true&organisation=RET`);
    expect(banded.organisations).toHaveLength(1);
    expect(new Set(rowsOf(banded).map((r) => r.age))).toEqual(new Set(['25-34', '35-44', '45-54', '65-74']));
    const suppressed = await json(researcher, `/api/studies/${slug}/overview?suppressBelow=3`);
    const gu = suppressed.organisations.find((o) => o.name === 'Gemeente Utrecht')!;
    expect(suppressed.totals.total).toBe(44);
    expect(Object.values(suppressed.organisations[0].counts)).toContain(null);
    expect(gu.rows).toHaveLength(9);
  });

  it('explains a bad request instead of failing', async () => {
    const bad = await download(researcher, `/api/studies/${slug}/overview?population=everyone&format=docx`);
    expect(bad.status).toBe(400);
    const body = JSON.parse(bad.body.toString());
    expect(Object.keys(body.details).sort()).toEqual(['format', 'population']);
    const org = await download(researcher, `/api/studies/${slug}/overview?organisation=NS`);
    expect(org.status).toBe(400);
    expect(JSON.parse(org.body.toString()).message).toContain(
      'Kies uit: Belastingdienst, RET, Vitens, Gemeente Utrecht',
    );
    expect((await download(researcher, '/api/studies/nope/overview?format=csv')).status).toBe(404);
  });

  it('records every download as an audit event that researchers can read', async () => {
    await download(partnerRet, `/api/partner/studies/${slug}/overview?format=xlsx`);
    const res = await researcher.get('/api/audit?action=overview.download&limit=200').expect(200);
    const events = res.body.items as {
      actorEmail: string;
      action: string;
      studyId: number;
      details: Record<string, unknown>;
    }[];
    expect(events.length).toBeGreaterThanOrEqual(10);
    expect(events[0]).toMatchObject({
      action: 'overview.download',
      details: { format: 'xlsx', organisation: 'RET', population: 'participants', ageBands: true, k: 1 },
    });
    expect(events[0].details.uniqueRows).toBeGreaterThan(0);
    expect(events[0].actorEmail).toMatch(/@example\.org$/);
    expect(new Set(events.map((e) => e.details.format))).toEqual(new Set(['json', 'csv', 'xlsx', 'pdf', 'md']));
    const page = await researcher.get('/audit?action=overview').expect(200);
    expect(page.text).toContain('Overzicht van RET bekeken of gedownload (xlsx, deelnemers)');
  });

  it('renders the researcher page with the composition table, the disclosure check and download links', async () => {
    const res = await researcher.get(`/studies/${slug}/overview?population=all`).expect(200);
    const page = { text: decoded(res.text) };
    expect(page.text).toContain('Respondentenoverzicht');
    expect(page.text).toContain(
      '<th scope="row">RET</th><td class="num">n=6</td><td class="num">n=3</td><td class="num">n=3</td><td class="num">n=5</td><td class="num">n=17</td>',
    );
    // Totals in the "n=" style of page 2 of the report, too.
    expect(page.text).toMatch(
      /<tfoot>\s*<tr><th scope="row">Totaal<\/th><td class="num">n=\d+<\/td>.*<td class="num">n=49<\/td><\/tr>/,
    );
    expect(page.text).toMatch(/komen maar één keer voor \(k = 1\)/);
    expect(page.text).toContain(`/api/studies/${slug}/overview?population=all&format=pdf`);
    expect(page.text).not.toContain('Geheimnaam');
    const banded = await researcher
      .get(`/studies/${slug}/overview?ageBands=true&organisation=Vitens&lang=en`)
      .expect(200);
    expect(banded.text).toContain('Respondents of Vitens');
    expect(banded.text).not.toContain('<td>RET</td>');
    const study = await researcher.get(`/studies/${slug}`).expect(200);
    expect(study.text).toContain(`href="/studies/${slug}/overview"`);
  });

  describe('partner portal', () => {
    it('lists only the studies of the partner organisation', async () => {
      const list = await partnerRet.get('/api/partner/studies').expect(200);
      expect(list.body.items.map((s: { slug: string }) => s.slug)).toEqual([slug]);
      const page = await partnerRet.get('/partner').expect(200);
      expect(page.text).toContain(`/partner/studies/${slug}`);
      expect(page.text).not.toContain(otherSlug);
      const vitens = await partnerVitens.get('/api/partner/studies').expect(200);
      expect(vitens.body.items.map((s: { slug: string }) => s.slug).sort()).toEqual([slug, otherSlug].sort());
    });

    it('shows its own rows with banded ages and the consortium counts without rows', async () => {
      const own = await json(partnerRet, `/api/partner/studies/${slug}/overview`);
      expect(own.organisations.map((o) => o.name)).toEqual(['RET']);
      expect(own.totals.total).toBe(12);
      expect(rowsOf(own).every((r) => /^(<25|\d\d-\d\d|75\+)$/.test(r.age))).toBe(true);
      const exact = await json(partnerRet, `/api/partner/studies/${slug}/overview?ageBands=false`);
      expect(rowsOf(exact).map((r) => r.age)).toContain('70');

      const composition = await partnerRet.get(`/api/partner/studies/${slug}/composition`).expect(200);
      expect(composition.body.organisations.map((o: { name: string }) => o.name)).toEqual([
        'Belastingdienst',
        'RET',
        'Vitens',
        'Gemeente Utrecht',
      ]);
      expect(JSON.stringify(composition.body)).not.toMatch(/"rows"|"gender"|"age"/);

      const csv = await download(partnerRet, `/api/partner/studies/${slug}/overview?format=csv`);
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="respondentenoverzicht-wp2a-ret-participants.csv"',
      );
      const records: string[][] = parse(csv.body, { bom: true, delimiter: ';' });
      expect(records.slice(1).map((c) => rowFromCells(c))).toEqual(rowsOf(own));

      const res = await partnerRet.get(`/partner/studies/${slug}`).expect(200);
      const page = { text: decoded(res.text) };
      expect(page.text).toContain('Respondenten van RET');
      expect(page.text).toContain('<th scope="row">Vitens</th>');
      expect(page.text).not.toContain('<td>Vitens</td>');
      expect(page.text).toContain(`/api/partner/studies/${slug}/overview?format=xlsx`);
    });

    it("downloads its own rows with the consortium's composition table, as on its page", async () => {
      const pdf = await download(partnerRet, `/api/partner/studies/${slug}/overview?format=pdf`);
      const pages = await pdfPageTexts(pdf.body);
      expect(pages[0]).toContain('Onderzoek: Publieke dienstverlening');
      expect(pages[0]).toContain('Vitens 3 3 3 3 12');
      expect(pages[0]).toContain('Totaal 13 12 12 7 44');
      expect(pages.slice(1).join('\n')).not.toMatch(/Vitens|Belastingdienst|Gemeente Utrecht/);
      const pdfRows = pages.flatMap((p) => p.split('\n')).filter((line) => /^[mvx] /.test(line));
      expect(pdfRows).toHaveLength(12);
      expect(pdfRows.every((line) => line.endsWith(' RET'))).toBe(true);

      const workbook = await readXlsx(
        (await download(partnerRet, `/api/partner/studies/${slug}/overview?format=xlsx`)).body,
      );
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Samenstelling', 'RET']);
      const composition: string[][] = [];
      workbook.getWorksheet('Samenstelling')!.eachRow((row) => composition.push(cellTexts(row)));
      expect(composition).toEqual(
        expect.arrayContaining([
          ['Vitens', '3', '3', '3', '3', '12'],
          ['Totaal', '13', '12', '12', '7', '44'],
        ]),
      );

      const md = (await download(partnerRet, `/api/partner/studies/${slug}/overview?format=md`)).body.toString('utf8');
      expect(md).toContain('| Vitens | 3 | 3 | 3 | 3 | 12 |');
      expect(md).not.toContain('## Vitens');
      expect(
        md
          .split('\n')
          .filter((l) => /^\| [mvx] \|/.test(l))
          .every((l) => l.endsWith('| RET |')),
      ).toBe(true);

      // The page and the files share the suppression of small counts.
      const res = await partnerRet.get(`/partner/studies/${slug}?suppressBelow=3`).expect(200);
      expect(decoded(res.text)).toContain(`/api/partner/studies/${slug}/overview?suppressBelow=3&format=pdf`);
      expect(res.text).toContain('maar één keer voor');
    });

    it('gets 403 or 404 for every route and format aimed at another organisation or study', async () => {
      const formats = ['json', 'csv', 'xlsx', 'pdf', 'md'];
      const attempts: [Agent, string][] = [];
      for (const format of formats) {
        attempts.push([partnerRet, `/api/studies/${slug}/overview?format=${format}&organisation=Vitens`]);
        attempts.push([partnerRet, `/api/studies/${slug}/overview?format=${format}`]);
        attempts.push([partnerRet, `/api/partner/studies/${slug}/overview?format=${format}&organisation=Vitens`]);
        attempts.push([partnerRet, `/api/partner/studies/${otherSlug}/overview?format=${format}`]);
        attempts.push([partnerRet, `/api/partner/studies/${otherSlug}/overview?format=${format}&organisation=Vitens`]);
        attempts.push([partnerRet, `/api/partner/studies/nope/overview?format=${format}`]);
        attempts.push([partnerVitens, `/api/partner/studies/${slug}/overview?format=${format}&organisation=RET`]);
        attempts.push([researcher, `/api/partner/studies/${slug}/overview?format=${format}`]);
      }
      attempts.push([partnerRet, `/api/studies/${slug}/composition`]);
      attempts.push([partnerRet, `/api/partner/studies/${otherSlug}/composition`]);
      attempts.push([partnerRet, `/studies/${slug}/overview`]);
      attempts.push([partnerRet, `/studies/${slug}/overview?organisation=Vitens`]);
      attempts.push([partnerRet, `/partner/studies/${otherSlug}`]);
      attempts.push([partnerRet, `/partner/studies/${slug}?organisation=Vitens`]);
      attempts.push([researcher, `/partner/studies/${slug}`]);
      const leaks: string[] = [];
      for (const [agent, url] of attempts) {
        const res = await download(agent, url);
        if (res.status !== 403 && res.status !== 404) leaks.push(`${res.status} ${url}`);
        expect(res.body.toString('utf8')).not.toMatch(/Zeer comfortabel|zeer-comfortabel/);
      }
      expect(leaks).toEqual([]);
    });

    it('sends anonymous visitors to the login page and API callers a 401', async () => {
      const anonymous = (await import('../support/http')).anonymousAgent(t.app);
      expect((await download(anonymous, `/api/partner/studies/${slug}/overview?format=csv`)).status).toBe(401);
      expect((await download(anonymous, `/api/studies/${slug}/overview`)).status).toBe(401);
      const page = await anonymous.get(`/partner/studies/${slug}`).set('accept', 'text/html');
      expect(page.status).toBe(303);
    });
  });
});
