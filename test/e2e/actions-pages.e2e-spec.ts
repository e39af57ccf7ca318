import { createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

describe('the action register (pages)', () => {
  let t: TestApp;
  let researcher: { agent: Agent; csrf: string; id: number };
  let partner: Agent;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { organisations } = await createStudy(t.dataSource, { slug: 'paginas', title: 'Paginastudie' });
    [orgA, orgB] = organisations.map((o) => o.name);
    const r = await createUser(t.dataSource, { role: 'researcher', name: 'Ria Onderzoeker' });
    researcher = { ...(await loginAgent(t.app, r.email, r.password)), id: r.id };
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: organisations[0].id });
    partner = (await loginAgent(t.app, p.email, p.password)).agent;
  });
  afterAll(() => t.close());

  const postForm = (url: string, body: Record<string, unknown>) =>
    researcher.agent
      .post(url)
      .type('form')
      .send({ _csrf: researcher.csrf, ...body });

  it('refuses a new action with the typed values and each problem under its field, then registers it', async () => {
    const refused = await postForm('/studies/paginas/actions', {
      organisation: orgB,
      omschrijving: '',
      analyse: 'Bellers missen de datum',
      actie: 'Nieuwe kaart',
      mijlpaal: '2038-02-30',
    }).expect(400);
    expect(refused.text).toContain('Bellers missen de datum');
    expect(refused.text).toMatch(/id="new-omschrijving-error">vul dit in/);
    expect(refused.text).toContain('id="new-mijlpaal-error"');
    // No holder ticked either: said at once with the rest, not after the texts are put right.
    expect(refused.text).toMatch(/id="new-holders-error">kies minstens één actiehouder/);
    expect(refused.text).toMatch(new RegExp(`<option value="${orgB}" selected>`));

    const done = await postForm('/studies/paginas/actions', {
      organisation: orgA,
      omschrijving: 'Aankondigingskaart',
      analyse: 'Bellers missen de datum',
      actie: 'Nieuwe kaart',
      actiehouders: String(researcher.id),
      mijlpaal: '2038-03-15',
      quadrants: 'gemakzoeker',
    }).expect(303);
    expect(done.headers.location).toMatch(/^\/studies\/paginas\/action\/\d+$/);
    const page = await researcher.agent.get(done.headers.location).expect(200);
    expect(page.text).toMatch(/is geregistreerd\./);
    expect(page.text).toContain('Aankondigingskaart');
    expect(page.text).toContain('maandag 15 maart 2038');
  });

  it('shows a measurement with rate, Wilson interval, difference and p in the reader’s language', async () => {
    const list = await researcher.agent.get('/api/studies/paginas/actions').expect(200);
    const id = list.body.items[0].id as number;
    const refused = await postForm(`/studies/paginas/action/${id}/measurements`, {
      name: 'Pilot',
      variantName: ['Huidige kaart', 'Kaart B', '', ''],
      variantReached: ['44000', '15000', '', ''],
      variantContacts: ['158', '15001', '', ''],
      reference: '0',
    }).expect(400);
    // Next to its field, named by the row it is in: never by the path the API names it with.
    expect(refused.text).toContain(
      '<p class="field-error" id="variant-contacts-1-error">kan niet hoger zijn dan het aantal bereikt</p>',
    );
    expect(refused.text).toContain('<a href="#variant-contacts-1">Variant 2: contacten</a>');
    expect(refused.text).not.toContain('variants[1]');
    expect(refused.text).toContain('value="15001" aria-invalid="true" aria-describedby="variant-contacts-1-error"');

    await postForm(`/studies/paginas/action/${id}/measurements`, {
      name: 'Pilot',
      variantName: ['Huidige kaart', 'Kaart B', '', ''],
      variantReached: ['44000', '15000', '', ''],
      variantContacts: ['158', '17', '', ''],
      reference: '0',
    }).expect(303);
    const nl = await researcher.agent.get(`/studies/paginas/action/${id}?lang=nl`).expect(200);
    expect(nl.text).toContain('0,36%');
    expect(nl.text).toContain('0,11%');
    expect(nl.text).toContain('&lt; 0,001');
    const en = await researcher.agent.get(`/studies/paginas/action/${id}?lang=en`).expect(200);
    expect(en.text).toContain('0.36%');
    expect(en.text).toContain('Measured effect');
  });

  it('changes the status with a note shown in the history; partners see only their own organisation’s register', async () => {
    const list = await researcher.agent.get('/api/studies/paginas/actions').expect(200);
    const id = list.body.items[0].id as number;
    // The form starts at the next step: a note sent as it stands never moves the action back to open.
    const firstChoice = async () =>
      /<select id="status-new" name="status"[^>]*><option value="([a-z_]+)"/.exec(
        (await researcher.agent.get(`/studies/paginas/action/${id}`).expect(200)).text,
      )?.[1];
    await postForm(`/studies/paginas/action/${id}/status`, { status: 'in_uitvoering' }).expect(303);
    expect(await firstChoice()).toBe('afgerond');
    await postForm(`/studies/paginas/action/${id}/status?lang=nl`, {
      status: 'afgerond',
      note: 'Kaart verstuurd',
    }).expect(303);
    const page = await researcher.agent.get(`/studies/paginas/action/${id}`).expect(200);
    expect(page.text).toContain('Kaart verstuurd');
    const edit = await researcher.agent.get(`/studies/paginas/action/${id}/edit`).expect(200);
    expect(edit.text).toContain('Aankondigingskaart');

    await postForm('/studies/paginas/actions', {
      organisation: orgB,
      omschrijving: 'Andere organisatie',
      analyse: 'x',
      actie: 'y',
      actiehouders: String(researcher.id),
    }).expect(303);
    const own = await partner.get('/studies/paginas/actions').expect(200);
    expect(own.text).toContain('Aankondigingskaart');
    expect(own.text).not.toContain('Andere organisatie');
    const other = (await researcher.agent.get('/api/studies/paginas/actions?organisation=' + encodeURIComponent(orgB)))
      .body.items[0].id as number;
    await partner.get(`/studies/paginas/action/${other}`).expect(404);
    // The dashboard's bulk pages under /studies/:slug/actions/… still answer.
    await researcher.agent.get('/studies/paginas/actions/invite').expect(200);
  });
});
