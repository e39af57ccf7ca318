import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { JourneyGroup, JourneyReport, StepReport } from '../../src/journeys/journey-report';
import type { PartnerJourney } from '../../src/journeys/journey-partner';
import { createStudy, createUser } from '../support/factories';
import { Agent, download, loginAgent, RawResponse } from '../support/http';
import { codeJourneyStudy, createJourneyStudy, type JourneyStudy } from '../support/journey-factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Page text with the entity Handlebars writes for = in attributes. */
const decoded = (html: string) => html.replace(/&#x3D;/g, '=');
const json = <T>(res: RawResponse): T => JSON.parse(res.body.toString('utf8')) as T;

const group = <C extends number | null>(groups: JourneyGroup<C>[], organisation: string, quadrant: string) =>
  groups.find((g) => g.organisation === organisation && g.quadrant === quadrant)!;
const step = <C extends number | null>(g: JourneyGroup<C>, name: string): StepReport<C> =>
  g.steps.find((s) => s.step === name)!;

describe('the journey report (API, files, pages, partners)', () => {
  let t: TestApp;
  let fixture: JourneyStudy;
  let researcher: Agent;
  let partnerRet: Agent;
  let partnerVitens: Agent;
  let outsider: Agent;
  const slug = 'klantreis';

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    fixture = await createJourneyStudy(ds, slug);
    const other = await createStudy(ds, { slug: 'andere' }, { organisations: ['NS'] });
    const r = await createUser(ds, { role: 'researcher' });
    await codeJourneyStudy(t, fixture, r.id);
    const pr = await createUser(ds, { role: 'partner', organisationId: fixture.ret });
    const pv = await createUser(ds, { role: 'partner', organisationId: fixture.vitens });
    const po = await createUser(ds, { role: 'partner', organisationId: other.organisations[0].id });
    researcher = (await loginAgent(t.app, r.email, r.password)).agent;
    partnerRet = (await loginAgent(t.app, pr.email, pr.password)).agent;
    partnerVitens = (await loginAgent(t.app, pv.email, pv.password)).agent;
    outsider = (await loginAgent(t.app, po.email, po.password)).agent;
  });
  afterAll(() => t?.close());

  describe('the JSON of GET /api/studies/:slug/journey', () => {
    let report: JourneyReport;
    beforeAll(async () => {
      const res = await download(researcher, `/api/studies/${slug}/journey`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      report = json<JourneyReport>(res);
    });

    it('has every organisation × quadrant with n = respondents of the population who sent their homework', () => {
      expect(report.study).toBe(slug);
      expect(report.population).toBe('participants');
      expect(report.groups.map((g) => [g.organisation, g.quadrant, g.respondents])).toEqual([
        ['RET', 'informatiezoeker', 1],
        ['RET', 'zekerheidszoeker', 0],
        ['RET', 'rust-in-je-hoofdzoeker', 0],
        ['RET', 'gemakzoeker', 6],
        ['Vitens', 'informatiezoeker', 0],
        ['Vitens', 'zekerheidszoeker', 0],
        ['Vitens', 'rust-in-je-hoofdzoeker', 0],
        ['Vitens', 'gemakzoeker', 1],
      ]);
      expect(group(report.groups, 'RET', 'gemakzoeker').steps.map((s) => s.step)).toEqual([
        'contactMoments',
        'goal',
        'orientation',
        'contact',
        'afterwards',
      ]);
    });

    it('counts ratings, channels and initiative per step as worked out by hand', () => {
      const gemak = group(report.groups, 'RET', 'gemakzoeker');
      const moments = step(gemak, 'contactMoments');
      // Ans negatief, Bert and four fillers positief.
      expect(moments.ratings).toEqual({ positief: 5, neutraal: 0, negatief: 1, none: 0 });
      expect(moments.channels).toMatchObject({ website: 6, telefoon: 1, post: 0, chat: 0 });
      expect(step(gemak, 'goal').ratings).toEqual({ positief: 0, neutraal: 1, negatief: 0, none: 5 });
      const afterwards = step(gemak, 'afterwards');
      // Bert said no contact afterwards: his kept answers to the afterwards questions are not counted.
      expect(afterwards.ratings).toEqual({ positief: 0, neutraal: 0, negatief: 1, none: 5 });
      expect(afterwards.initiative).toEqual({ self: 1, organisation: 0 });
      expect(afterwards.channels).toMatchObject({ telefoon: 1, website: 0 });
      expect(step(gemak, 'goal').channels).toEqual({});
      const cor = step(group(report.groups, 'RET', 'informatiezoeker'), 'contactMoments');
      expect(cor.ratings).toEqual({ positief: 0, neutraal: 1, negatief: 0, none: 0 });
      expect(cor.channels).toMatchObject({ post: 1 });
    });

    it('counts the final coding: reasons per Tekst-ID and Categorie 1, causes and the avoidable share', () => {
      const gemak = group(report.groups, 'RET', 'gemakzoeker');
      const moments = step(gemak, 'contactMoments');
      expect(moments.reasons).toEqual([
        { tekstId: 'CONS_FACT_INFO', path: ['Factuur', 'Informatie'], segments: 2, respondents: 2 },
        { tekstId: 'CONS_FACT_TBV', path: ['Factuur', 'Terugbelverzoek'], segments: 1, respondents: 1 },
      ]);
      expect(moments.reasonCategories).toEqual([{ categorie1: 'Factuur', segments: 3, respondents: 2 }]);
      // Ans: fout and nodig, Bert: selfservice; both answers have a cause, so none is uncoded.
      expect(moments.causes).toEqual({ fout: 1, selfservice: 1, nodig: 1, uncoded: 0 });
      expect(moments.avoidable).toEqual({ count: 2, coded: 3, share: 2 / 3 });
      // Ans's goal has no coding; her afterwards reason has a reason but no cause: both uncoded.
      expect(step(gemak, 'goal').causes).toEqual({ fout: 0, selfservice: 0, nodig: 0, uncoded: 1 });
      const afterwards = step(gemak, 'afterwards');
      expect(afterwards.reasons).toEqual([
        { tekstId: 'CONS_FACT_TBV', path: ['Factuur', 'Terugbelverzoek'], segments: 1, respondents: 1 },
      ]);
      expect(afterwards.causes).toEqual({ fout: 0, selfservice: 0, nodig: 0, uncoded: 1 });
      expect(afterwards.avoidable).toEqual({ count: 0, coded: 0, share: null });
      // Cor's answer is not coded at all.
      expect(step(group(report.groups, 'RET', 'informatiezoeker'), 'contactMoments').causes.uncoded).toBe(1);
    });

    it('has no free text, names or answers in it', () => {
      const text = JSON.stringify(report);
      for (const secret of ['geheimwoord', 'Ans', 'Bert', 'factuur', 'Brief gekregen'])
        expect(text).not.toContain(secret);
    });
  });

  it('filters by organisation, quadrant and population', async () => {
    const ret = json<JourneyReport>(await download(researcher, `/api/studies/${slug}/journey?organisation=RET`));
    expect(ret.groups.map((g) => g.organisation)).toEqual(['RET', 'RET', 'RET', 'RET']);
    const gemak = json<JourneyReport>(await download(researcher, `/api/studies/${slug}/journey?quadrant=gemakzoeker`));
    expect(gemak.groups.map((g) => [g.organisation, g.respondents])).toEqual([
      ['RET', 6],
      ['Vitens', 1],
    ]);
    const invited = json<JourneyReport>(
      await download(
        researcher,
        `/api/studies/${slug}/journey?population=invited&organisation=RET&quadrant=gemakzoeker`,
      ),
    );
    // Eva is invited and sent her homework; Fred took part but sent nothing.
    expect(invited.population).toBe('invited');
    expect(invited.groups.map((g) => g.respondents)).toEqual([7]);
    expect(step(invited.groups[0], 'contactMoments').ratings.negatief).toBe(2);
  });

  it('answers bad filter values with a coded 400 and an unknown study with 404', async () => {
    const bad = await download(
      researcher,
      `/api/studies/${slug}/journey?quadrant=snelzoeker&population=iedereen&format=docx`,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(json<{ details: object }>(bad).details).sort()).toEqual(['format', 'population', 'quadrant']);
    const org = await download(researcher, `/api/studies/${slug}/journey?organisation=NS`);
    expect(org.status).toBe(400);
    expect(json<{ code: string; message: string }>(org)).toMatchObject({ code: 'overview.organisation' });
    expect(json<{ message: string }>(org).message).toContain('Kies uit: RET, Vitens');
    expect((await download(researcher, '/api/studies/bestaat-niet/journey')).status).toBe(404);
  });

  it('downloads CSV and XLSX with the same counts', async () => {
    const csv = await download(researcher, `/api/studies/${slug}/journey?format=csv&organisation=RET`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('klantreis-klantreis-ret-participants.csv');
    const rows = parse(csv.body.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows[0][0]).toBe('Organisatie');
    const row = (quadrant: string, stepName: string, item: string) =>
      rows.find((r) => r[1] === quadrant && r[3] === stepName && r[5] === item)!;
    expect(row('Gemakzoeker', 'Het contactmoment', 'positief').slice(2)).toEqual([
      '6',
      'Het contactmoment',
      'Waardering',
      'positief',
      'positief',
      '5',
      '',
    ]);
    expect(row('Gemakzoeker', 'Contact achteraf', 'self')[7]).toBe('1');
    expect(row('Gemakzoeker', 'Het contactmoment', 'CONS_FACT_INFO').slice(6)).toEqual([
      'Factuur > Informatie',
      '2',
      '2',
    ]);
    expect(row('Gemakzoeker', 'Het contactmoment', 'share')[7]).toBe('0.6667');
    expect(rows.every((r, i) => i === 0 || r[0] === 'RET')).toBe(true);

    const xlsx = await download(researcher, `/api/studies/${slug}/journey?format=xlsx&lang=en`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(4).getCell(1).value).toBe('Organisation');
    const cells: unknown[][] = [];
    sheet.eachRow((r, n) => n > 4 && cells.push((r.values as unknown[]).slice(1)));
    expect(
      cells.find(
        (c) =>
          c[0] === 'Vitens' && c[1] === 'Convenience seeker' && c[3] === 'The moment of contact' && c[5] === 'chat',
      )?.[7],
    ).toBe(1);
  });

  it('downloads the PDF with its pictures', async () => {
    const pdf = await download(researcher, `/api/studies/${slug}/journey?format=pdf&quadrant=gemakzoeker&lang=nl`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('klantreis-klantreis-gemakzoeker-participants.pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('records every download as an audit event', async () => {
    await download(researcher, `/api/studies/${slug}/journey?format=csv&quadrant=gemakzoeker`);
    const res = await researcher.get('/api/audit?action=journey.download&limit=200').expect(200);
    const events = res.body.items as { action: string; details: Record<string, unknown> }[];
    expect(events[0]).toMatchObject({
      action: 'journey.download',
      details: { format: 'csv', organisation: null, quadrant: 'gemakzoeker', population: 'participants' },
    });
    const page = await researcher.get('/audit?action=journey&lang=nl').expect(200);
    expect(page.text).toContain('Klantreisanalyse van alle organisaties bekeken of gedownload (csv, deelnemers)');
  });

  it('shows the researcher page: the four quadrants of one organisation side by side, with n', async () => {
    const res = await researcher.get(`/studies/${slug}/journey?organisation=RET&lang=nl`).expect(200);
    res.text = decoded(res.text);
    expect(res.text).toContain('Klantreisanalyse');
    expect(res.text).toMatch(/Gemakzoeker<br><span class="journey-n">n = 6<\/span>/);
    expect(res.text).toMatch(/Informatiezoeker<br><span class="journey-n">n = 1<\/span>/);
    expect(res.text).toMatch(
      /Waardering: positief<\/th>\s*<td class="num" data-label="Informatiezoeker \(n = 1\)">0<\/td><td class="num" data-label="Zekerheidszoeker \(n = 0\)">0<\/td><td class="num" data-label="[^"]+">0<\/td><td class="num" data-label="Gemakzoeker \(n = 6\)">5<\/td>/,
    );
    expect(res.text).not.toContain('Vitens</h2>');
    // The pictures, each with its table: the cause bars and a map per group with respondents (two for RET).
    expect(res.text.match(/<svg role="img"/g)).toHaveLength(3);
    const across = await researcher.get(`/studies/${slug}/journey?quadrant=gemakzoeker&lang=en`).expect(200);
    expect(across.text).toContain('Convenience seeker in every organisation');
    expect(across.text).toMatch(
      /RET<br><span class="journey-n">n = 6<\/span><\/th><th scope="col" class="num">Vitens<br><span class="journey-n">n = 1/,
    );
    const bad = await researcher.get(`/studies/${slug}/journey?quadrant=snelzoeker`);
    expect(bad.status).toBe(400);
  });

  describe('partners', () => {
    it('see their own organisation with counts under k suppressed, and the consortium as counts', async () => {
      const res = await download(partnerRet, `/api/partner/studies/${slug}/journey`);
      expect(res.status).toBe(200);
      const journey = json<PartnerJourney>(res);
      expect(journey.organisation).toBe('RET');
      expect(journey.k).toBe(5);
      expect(journey.groups.map((g) => [g.quadrant, g.respondents])).toEqual([
        ['informatiezoeker', null],
        ['zekerheidszoeker', 0],
        ['rust-in-je-hoofdzoeker', 0],
        ['gemakzoeker', 6],
      ]);
      const moments = step(group(journey.groups, 'RET', 'gemakzoeker'), 'contactMoments');
      // Negatief (1) is hidden, and positief with it: otherwise n − the rest would give it away.
      expect(moments.ratings).toEqual({ positief: null, neutraal: 0, negatief: null, none: 0 });
      expect(moments.channels).toMatchObject({ website: 6, telefoon: null });
      expect(journey.consortium.map((g) => [g.organisation, g.quadrant, g.respondents])).toContainEqual([
        'Vitens',
        'gemakzoeker',
        null,
      ]);
      const vitens = group(journey.consortium, 'Vitens', 'gemakzoeker');
      expect(step(vitens, 'contactMoments').ratings).toEqual({
        positief: null,
        neutraal: null,
        negatief: null,
        none: null,
      });
    });

    it('never get another organisation’s data or free text', async () => {
      const ret = await download(partnerRet, `/api/partner/studies/${slug}/journey`);
      const vitens = await download(partnerVitens, `/api/partner/studies/${slug}/journey`);
      for (const res of [ret, vitens]) {
        const text = res.body.toString('utf8');
        for (const secret of ['geheimwoord', 'teruggebeld', 'Nog een keer', 'Brief gekregen', 'Ans', 'Bert', 'R01'])
          expect(text).not.toContain(secret);
      }
      // The one segment a researcher marked shareable, for its own organisation only.
      expect(json<PartnerJourney>(ret).quotes).toEqual([
        {
          quadrant: 'gemakzoeker',
          step: 'contactMoments',
          tekstIds: expect.arrayContaining(['CONS_FACT_INFO', 'OORZAAK_FOUT']) as string[],
          text: 'Ik belde over mijn factuur',
        },
      ]);
      expect(vitens.body.toString('utf8')).not.toContain('factuur');
      expect(json<PartnerJourney>(vitens).groups.every((g) => g.organisation === 'Vitens')).toBe(true);
      expect(json<PartnerJourney>(vitens).quotes).toEqual([]);
      expect((await download(partnerVitens, `/api/partner/studies/${slug}/journey?organisation=RET`)).status).toBe(403);
      expect((await download(partnerRet, `/api/studies/${slug}/journey`)).status).toBe(403);
      expect((await download(partnerRet, `/api/studies/${slug}/journey?format=csv`)).status).toBe(403);
      expect((await partnerRet.get(`/studies/${slug}/journey`)).status).toBe(403);
      // A partner of another study cannot tell whether this one exists.
      expect((await download(outsider, `/api/partner/studies/${slug}/journey`)).status).toBe(404);
      expect((await outsider.get(`/partner/studies/${slug}/journey`)).status).toBe(404);
      expect((await download(researcher, `/api/partner/studies/${slug}/journey`)).status).toBe(403);
    });

    it('see the partner page with their organisation, the consortium and the suppression explained', async () => {
      const res = await partnerRet.get(`/partner/studies/${slug}/journey`).expect(200);
      expect(res.text).toContain('Aantallen kleiner dan 5 zijn afgeschermd');
      expect(res.text).toMatch(/Gemakzoeker<br><span class="journey-n">n = 6<\/span>/);
      expect(res.text).toContain('<abbr title="afgeschermd: klein aantal">&lt;5</abbr>');
      expect(res.text).toContain('Het hele consortium ter vergelijking');
      for (const secret of ['geheimwoord', 'teruggebeld', 'Brief gekregen']) expect(res.text).not.toContain(secret);
      expect(res.text).toContain('<blockquote>Ik belde over mijn factuur</blockquote>');
      expect(res.text).toMatch(/<svg role="img" aria-labelledby="picture-causes"/);
      const vitens = await partnerVitens.get(`/partner/studies/${slug}/journey`).expect(200);
      expect(vitens.text).not.toContain('factuur');
      const overview = await partnerRet.get(`/partner/studies/${slug}`).expect(200);
      expect(overview.text).toContain(`href="/partner/studies/${slug}/journey"`);
    });

    it('records the partner’s reads as audit events', async () => {
      await download(partnerRet, `/api/partner/studies/${slug}/journey?quadrant=gemakzoeker`);
      const res = await researcher.get('/api/audit?action=journey.download&limit=200').expect(200);
      const events = res.body.items as { actorEmail: string; details: Record<string, unknown> }[];
      expect(events[0].details).toMatchObject({ format: 'json', organisation: 'RET', quadrant: 'gemakzoeker' });
    });
  });
});
