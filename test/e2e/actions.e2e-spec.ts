import { Workbook } from 'exceljs';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Action } from '../../src/actions/action.entity';
import { createStudy, createUser } from '../support/factories';
import { Agent, download, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

interface Logged {
  agent: Agent;
  csrf: string;
  id: number;
}

describe('the action register (API)', () => {
  let t: TestApp;
  let slug: string;
  let studyId: number;
  let orgA: string;
  let orgB: string;
  let researcher: Logged;
  let partnerA: Logged;
  let partnerB: Logged;
  let firstId: number;

  const login = async (role: 'researcher' | 'partner', organisationId: number | null = null): Promise<Logged> => {
    const u = await createUser(t.dataSource, { role, organisationId });
    const { agent, csrf } = await loginAgent(t.app, u.email, u.password);
    return { agent, csrf, id: u.id };
  };
  const post = (who: Logged, url: string, body: object) => who.agent.post(url).set('x-csrf-token', who.csrf).send(body);
  const patch = (who: Logged, url: string, body: object) =>
    who.agent.patch(url).set('x-csrf-token', who.csrf).send(body);
  const api = () => `/api/studies/${slug}/actions`;
  const valid = () => ({
    organisation: orgA,
    omschrijving: 'Aankondigingskaart meterwissel',
    analyse: 'Veel bellers weten niet wanneer de monteur komt.',
    actie: 'Drie ontwerpen van de kaart proefdraaien.',
    actiehouders: [researcher.id, partnerA.id],
    mijlpaal: '2038-03-15',
  });
  const actionCount = () => t.dataSource.getRepository(Action).count();
  const audits = (action: string) =>
    t.dataSource.getRepository(AuditEvent).find({ where: { action, studyId }, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await createTestApp();
    const { study, organisations } = await createStudy(t.dataSource, { slug: 'acties' });
    slug = study.slug;
    studyId = study.id;
    [orgA, orgB] = organisations.map((o) => o.name);
    researcher = await login('researcher');
    partnerA = await login('partner', organisations[0].id);
    partnerB = await login('partner', organisations[1].id);
  });
  afterAll(() => t.close());

  it('registers an action with a number YYYY-MM-NNN per study and month, its holders and its first status', async () => {
    const first = await post(researcher, api(), valid()).expect(201);
    expect(first.body).toEqual({ id: expect.any(Number), number: expect.stringMatching(/^\d{4}-\d{2}-001$/) });
    firstId = first.body.id;
    const second = await post(researcher, api(), { ...valid(), organisation: orgB, actiehouders: [researcher.id] });
    expect(second.status).toBe(201);
    expect(second.body.number).toBe(first.body.number.replace(/001$/, '002'));

    const got = await researcher.agent.get(`${api()}/${firstId}`).expect(200);
    expect(got.body).toMatchObject({
      number: first.body.number,
      organisation: orgA,
      omschrijving: 'Aankondigingskaart meterwissel',
      mijlpaal: '2038-03-15',
      status: 'open',
      actiehouders: expect.arrayContaining([expect.objectContaining({ id: partnerA.id })]),
      history: [{ from: null, to: 'open', note: null }],
      measurements: [],
    });
    expect(got.body.actiehouders).toHaveLength(2);
    const [created] = await audits('action.create');
    expect(created).toMatchObject({ subjectId: first.body.number, details: { organisation: orgA } });
  });

  it('refuses bad input with a coded 400 in the reader’s language and stores nothing', async () => {
    const before = await actionCount();
    const cases: [object, string][] = [
      [{ organisation: 'Onbekend' }, 'action.organisation'],
      [{ actiehouders: [999999] }, 'action.unknown_holder'],
      [{ actiehouders: [] }, 'action.no_holder'],
      [{ actiehouders: [partnerB.id] }, 'action.holder_organisation'],
      [{ omschrijving: '   ' }, 'action.invalid'],
      [{ mijlpaal: '2038-02-30' }, 'action.invalid'],
      [{ quadrants: ['nergens'] }, 'validation.failed'],
      [{ codes: [424242] }, 'action.unknown_code'],
      [{ actiehouders: ['x'] }, 'validation.failed'],
      [{ extra: 1 }, 'validation.failed'],
    ];
    for (const [change, code] of cases) {
      const res = await post(researcher, `${api()}?lang=en`, { ...valid(), ...change });
      expect({ change, status: res.status, code: res.body.code }).toEqual({ change, status: 400, code });
      expect(res.body.message).not.toMatch(/^error\./);
    }
    // Every problem a person can see at once is named at once: an empty text and no holder.
    const both = await post(researcher, `${api()}?lang=en`, { ...valid(), analyse: '', actiehouders: [] }).expect(400);
    expect(both.body).toMatchObject({ code: 'action.invalid', details: { analyse: expect.any(Array) } });
    expect(both.body.details.actiehouders).toEqual(['should not be empty']);
    const nl = await post(researcher, `${api()}?lang=nl`, { ...valid(), actiehouders: [999999] }).expect(400);
    expect(nl.body.message).toBe('Er is geen actief account met id 999999.');
    expect(await actionCount()).toBe(before);
  });

  it('links codes of the study’s codebook and quadrants as evidence', async () => {
    const book = await researcher.agent.get(`/api/studies/${slug}/codebook`).expect(200);
    const code = (book.body.codes as { id: number; tekstId: string | null }[]).find((c) => c.tekstId)!;
    const res = await patch(researcher, `${api()}/${firstId}`, {
      codes: [code.id],
      quadrants: ['gemakzoeker', 'informatiezoeker'],
    }).expect(200);
    expect(res.body.evidence).toEqual({
      codes: [expect.objectContaining({ id: code.id, tekstId: code.tekstId })],
      quadrants: ['gemakzoeker', 'informatiezoeker'],
      quotes: [],
    });
    // Texts are kept when only evidence changes.
    expect(res.body.omschrijving).toBe('Aankondigingskaart meterwissel');
  });

  it('shows partners only their own organisation’s actions: another organisation’s is a 404', async () => {
    const mine = await partnerA.agent.get(api()).expect(200);
    expect(mine.body).toMatchObject({ total: 1, offset: 0, limit: 50, organisations: [orgA] });
    expect(mine.body.items.map((a: { organisation: string }) => a.organisation)).toEqual([orgA]);
    const theirs = await partnerB.agent.get(api()).expect(200);
    expect(theirs.body.items.map((a: { organisation: string }) => a.organisation)).toEqual([orgB]);

    await partnerB.agent.get(`${api()}/${firstId}`).expect(404);
    await patch(partnerB, `${api()}/${firstId}`, { actie: 'overgenomen' }).expect(404);
    await post(partnerB, `${api()}/${firstId}/status`, { status: 'vervallen' }).expect(404);
    await post(partnerB, `${api()}/${firstId}/measurements`, {
      name: 'x',
      variants: [{ name: 'a', reached: 10, contacts: 1, reference: true }],
    }).expect(404);
    await partnerB.agent.get(`${api()}?organisation=${encodeURIComponent(orgA)}`).expect(403);
    await post(partnerB, api(), { ...valid(), actiehouders: [partnerB.id] }).expect(403);
    const exported = await download(partnerB.agent, `${api()}/export?format=csv`);
    expect(exported.status).toBe(200);
    expect(exported.body.toString('utf8')).not.toContain(orgA);

    // Their own: read, change and register.
    await partnerA.agent.get(`${api()}/${firstId}`).expect(200);
    await patch(partnerA, `${api()}/${firstId}`, { mijlpaal: '2038-04-01' }).expect(200);
    await post(partnerA, api(), { ...valid(), actiehouders: [partnerA.id] }).expect(201);
    // A partner of an organisation outside the study does not learn the study exists.
    const outsider = await login('partner', (await createStudy(t.dataSource)).organisations[0].id);
    await outsider.agent.get(api()).expect(404);
  });

  it('changes the status with a note in the history; the same status again is refused', async () => {
    const res = await post(partnerA, `${api()}/${firstId}/status`, {
      status: 'in_uitvoering',
      note: 'Kaarten besteld',
    }).expect(201);
    expect(res.body.status).toBe('in_uitvoering');
    expect(res.body.history).toEqual([
      expect.objectContaining({ from: null, to: 'open' }),
      expect.objectContaining({ from: 'open', to: 'in_uitvoering', note: 'Kaarten besteld' }),
    ]);
    const again = await post(partnerA, `${api()}/${firstId}/status`, { status: 'in_uitvoering' }).expect(400);
    expect(again.body.code).toBe('action.status_unchanged');
    await post(researcher, `${api()}/${firstId}/status`, { status: 'gedaan' }).expect(400);
    const [event] = await audits('action.status');
    expect(event.details).toMatchObject({ from: 'open', to: 'in_uitvoering', note: 'Kaarten besteld' });
  });

  it('measures variants: rate, 95 % Wilson interval, and against the reference the difference and p', async () => {
    const res = await post(researcher, `${api()}/${firstId}/measurements`, {
      name: 'Newcombe',
      variants: [
        { name: 'nieuw', reached: 83, contacts: 5 },
        { name: 'oud', reached: 99, contacts: 12, reference: true },
        { name: 'breed', reached: 263, contacts: 81 },
      ],
    }).expect(201);
    const [nieuw, oud, breed] = res.body.variants;
    expect(oud).toEqual({ name: 'oud', rate: 12 / 99, low: expect.any(Number), high: expect.any(Number) });
    expect(nieuw.difference).toBeCloseTo(5 / 83 - 12 / 99, 10);
    expect(nieuw.p).toBeCloseTo(0.1592, 4);
    expect(breed.low).toBeCloseTo(0.2553, 4);
    expect(breed.high).toBeCloseTo(0.3662, 4);

    const got = await researcher.agent.get(`${api()}/${firstId}`).expect(200);
    expect(got.body.measurements).toEqual([
      expect.objectContaining({
        name: 'Newcombe',
        variants: [
          expect.objectContaining({ name: 'nieuw', reached: 83, contacts: 5, reference: false, p: nieuw.p }),
          expect.objectContaining({ name: 'oud', reference: true }),
          expect.objectContaining({ name: 'breed', low: breed.low }),
        ],
      }),
    ]);
    expect((await audits('action.measurement')).map((e) => e.details?.measurement)).toEqual(['Newcombe']);
  });

  it('refuses bad measurements with a coded 400 naming the field, and stores nothing', async () => {
    const cases: [unknown[], string, string][] = [
      [
        [{ name: 'a', reached: 10, contacts: 11, reference: true }],
        'measurement.contacts_above_reached',
        'variants[0].contacts',
      ],
      [[{ name: 'a', reached: 10, contacts: -1, reference: true }], 'measurement.negative', 'variants[0].contacts'],
      [
        [{ name: 'a', reached: 10.5, contacts: 1, reference: true }],
        'measurement.not_a_whole_number',
        'variants[0].reached',
      ],
      [
        [{ name: 'a', reached: '10', contacts: 1, reference: true }],
        'measurement.not_a_whole_number',
        'variants[0].reached',
      ],
      [[{ name: 'a', reached: 10, contacts: 1 }], 'measurement.no_reference', 'variants'],
      [
        [
          { name: 'a', reached: 10, contacts: 1, reference: true },
          { name: 'b', reached: 10, contacts: 1, reference: true },
        ],
        'measurement.several_references',
        'variants[1].reference',
      ],
      [[], 'measurement.no_variants', 'variants'],
      [[null], 'measurement.name_missing', 'variants[0].name'],
    ];
    for (const [variants, code, field] of cases) {
      const res = await post(researcher, `${api()}/${firstId}/measurements?lang=en`, { name: 'fout', variants });
      expect({ variants, status: res.status, code: res.body.code, field: res.body.details?.field }).toEqual({
        variants,
        status: 400,
        code,
        field,
      });
    }
    const nl = await post(researcher, `${api()}/${firstId}/measurements?lang=nl`, {
      name: 'fout',
      variants: [{ name: 'a', reached: 10, contacts: 11, reference: true }],
    }).expect(400);
    // The message names the field as a person reads it; details keep the path for programs.
    expect(nl.body.message).toBe(
      'Het aantal contacten kan niet hoger zijn dan het aantal bereikt (Variant 1 (a): contacten).',
    );
    expect(nl.body.details).toEqual({ field: 'variants[0].contacts', value: 11 });
    const worded: [unknown[], string][] = [
      [[{ name: 'Kaart A', reached: 10, contacts: -1, reference: true }], 'Variant 1 (Kaart A): contacts'],
      [
        [
          { name: 'Kaart A', reached: 10, contacts: 1, reference: true },
          { name: 'Kaart B', reached: 2.5, contacts: 1 },
        ],
        'Variant 2 (Kaart B): reached',
      ],
      [
        [
          { name: 'Kaart A', reached: 10, contacts: 1, reference: true },
          { name: 'Kaart B', reached: 10, contacts: 1, reference: true },
        ],
        'Variant 2 (Kaart B): reference',
      ],
      [[{ reached: 10, contacts: 1, reference: true }], 'Variant 1: name'],
    ];
    for (const [variants, label] of worded) {
      const res = await post(researcher, `${api()}/${firstId}/measurements?lang=en`, { name: 'fout', variants });
      expect({ variants, message: res.body.message }).toEqual({
        variants,
        message: expect.stringContaining(`(${label})`),
      });
      expect(res.body.message).not.toContain('variants[');
    }
    const got = await researcher.agent.get(`${api()}/${firstId}`).expect(200);
    expect(got.body.measurements).toHaveLength(1);
  });

  it('exports the register as CSV and XLSX in the reader’s language, every export audited', async () => {
    const csv = await download(researcher.agent, `${api()}/export?format=csv&lang=nl`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="acties-${slug}.csv"`);
    const text = csv.body.toString('utf8');
    expect(
      text.startsWith(
        '\uFEFFID;Organisatie;Omschrijving;Analyse;Actie;Actiehouders;Volgende mijlpaal;Status;Citaten\r\n',
      ),
    ).toBe(true);
    expect(text).toContain(';in uitvoering;\r\n');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);

    const xlsx = await download(researcher.agent, `${api()}/export?format=xlsx&lang=en`);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Actions')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Description');
    expect(sheet.rowCount).toBe(4);
    await researcher.agent.get(`${api()}/export?format=pdf`).expect(400);

    const exports = await audits('action.export');
    expect(exports.map((e) => e.details?.format)).toEqual(['csv', 'csv', 'xlsx']);
  });
});
