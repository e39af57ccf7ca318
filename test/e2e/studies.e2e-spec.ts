import { createTestApp, TestApp } from '../support/test-app';
import { createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';

describe('studies API and pages', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
  });
  afterAll(() => t.close());

  it('creates, reads, updates a study with organisations and slots', async () => {
    const created = await agent
      .post('/api/studies')
      .set('x-csrf-token', csrf)
      .send({ slug: 'e2e-study', title: 'E2E study', status: 'recruiting' })
      .expect(201);
    expect(created.body).toMatchObject({ slug: 'e2e-study', groupTargetSize: 3, status: 'recruiting' });
    const org = await agent
      .post('/api/studies/e2e-study/organisations')
      .set('x-csrf-token', csrf)
      .send({
        name: 'Gemeente Utrecht',
        contactName: 'Mevr. Jansen',
        contactEmail: 'jansen@utrecht.example',
        contactPhone: '030 286 00 00',
      })
      .expect(201);
    await agent
      .post('/api/studies/e2e-study/slots')
      .set('x-csrf-token', csrf)
      .send({
        start: '2036-12-09T10:00:00+01:00',
        end: '2036-12-09T12:00:00+01:00',
        onlineUrl: 'https://meet.example.org/a',
      })
      .expect(201);
    const patched = await agent
      .patch('/api/studies/e2e-study')
      .set('x-csrf-token', csrf)
      .send({ groupsPerQuadrant: 2, homeworkLeadDays: 8 })
      .expect(200);
    expect(patched.body).toMatchObject({ groupsPerQuadrant: 2, homeworkLeadDays: 8 });
    const detail = await agent.get('/api/studies/e2e-study').expect(200);
    expect(detail.body.organisations[0]).toMatchObject({
      id: org.body.id,
      contactName: 'Mevr. Jansen',
      organisation: { name: 'Gemeente Utrecht' },
    });
    expect(detail.body.slots).toHaveLength(1);
  });

  it('lists validation problems per field and stores nothing', async () => {
    const res = await agent
      .post('/api/studies')
      .set('x-csrf-token', csrf)
      .send({ slug: 'Bad Slug!', title: 'x', groupMaxSize: 9, extra: 1 })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Object.keys(res.body.details).sort()).toEqual(['extra', 'groupMaxSize', 'slug', 'title']);
    expect(res.body.message).toMatch(/^Verbeter: /);
    const list = await agent.get('/api/studies').expect(200);
    expect(list.body.items.map((s: { slug: string }) => s.slug)).not.toContain('Bad Slug!');
  });

  it('refuses a setting sent as null, naming the field, instead of failing in the database', async () => {
    const before = (await agent.get('/api/studies/e2e-study').expect(200)).body as Record<string, unknown>;
    for (const field of ['homeworkLeadDays', 'groupTargetSize', 'title', 'description', 'helpPhone', 'locale']) {
      const res = await agent
        .patch('/api/studies/e2e-study')
        .set('x-csrf-token', csrf)
        .send({ [field]: null });
      expect({ field, status: res.status, code: res.body.code }).toEqual({
        field,
        status: 400,
        code: 'validation.failed',
      });
      expect(Object.keys(res.body.details)).toEqual([field]);
    }
    const created = await agent
      .post('/api/studies')
      .set('x-csrf-token', csrf)
      .send({ slug: 'nul-instelling', title: 'Nul', sessionMinutes: null });
    expect(created.status).toBe(400);
    expect((await agent.get('/api/studies/e2e-study').expect(200)).body).toEqual(before);
  });

  it('answers 404 for a missing study, organisation or slot', async () => {
    const missing = await agent.get('/api/studies/nope').expect(404);
    expect(missing.body.message).toBe('Er is geen onderzoek “nope”.');
    await agent.delete('/api/studies/e2e-study/slots/99999').set('x-csrf-token', csrf).expect(404);
    await agent
      .patch('/api/studies/e2e-study/organisations/99999')
      .set('x-csrf-token', csrf)
      .send({ contactName: 'x' })
      .expect(404);
  });

  it('answers 400 for malformed JSON and 413 for an oversized body', async () => {
    await agent
      .post('/api/studies')
      .set('x-csrf-token', csrf)
      .set('content-type', 'application/json')
      .send('{"slug":')
      .expect(400);
    await agent
      .post('/api/studies')
      .set('x-csrf-token', csrf)
      .send({ slug: 'big', title: 'x'.repeat(300_000) })
      .expect(413);
  });

  it('refuses a slot that ends before it starts', async () => {
    const res = await agent
      .post('/api/studies/e2e-study/slots')
      .set('x-csrf-token', csrf)
      .send({ start: '2036-12-09T12:00:00Z', end: '2036-12-09T10:00:00Z' })
      .expect(400);
    expect(res.body.details.end[0]).toMatch(/after the start/);
  });

  it('renders the study settings page in Dutch and English', async () => {
    const nl = await agent.get('/studies/e2e-study/settings').expect(200);
    expect(nl.text).toContain('Partnerorganisaties');
    expect(nl.text).toContain('Gemeente Utrecht');
    const en = await agent.get('/studies/e2e-study/settings?lang=en').expect(200);
    expect(en.text).toContain('Partner organisations');
    expect(en.text).toContain('<html lang="en">');
  });

  it('creates a study from the page form', async () => {
    const page = await agent.get('/studies').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent
      .post('/studies')
      .type('form')
      .send({ _csrf: token, slug: 'from-form', title: 'From the form' })
      .expect(303);
    expect(res.headers.location).toBe('/studies/from-form');
  });

  it('adds an organisation from the page with blank optional fields, and edits its contact person there', async () => {
    const page = await agent.get('/studies/from-form').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    await agent
      .post('/studies/from-form/organisations')
      .type('form')
      .send({ _csrf: token, name: 'Vitens', contactName: '', contactEmail: '', contactPhone: '' })
      .expect(303);
    const added = (await agent.get('/api/studies/from-form').expect(200)).body.organisations[0];
    expect(added).toMatchObject({ contactName: null, contactEmail: null, contactPhone: null });
    await agent
      .post(`/studies/from-form/organisations/${added.id}`)
      .type('form')
      .send({
        _csrf: token,
        contactName: 'Karin de Vries',
        contactEmail: 'k.devries@vitens.example',
        contactPhone: '088 123 45 67',
      })
      .expect(303);
    const edited = (await agent.get('/api/studies/from-form').expect(200)).body.organisations[0];
    expect(edited).toMatchObject({
      contactName: 'Karin de Vries',
      contactEmail: 'k.devries@vitens.example',
      contactPhone: '088 123 45 67',
    });
    expect((await agent.get('/studies/from-form/settings?lang=nl').expect(200)).text).toContain(
      'Contactpersoon wijzigen',
    );
    await agent
      .post(`/studies/from-form/organisations/${added.id}`)
      .type('form')
      .send({ _csrf: token, contactEmail: '' })
      .expect(303);
    expect((await agent.get('/api/studies/from-form').expect(200)).body.organisations[0].contactEmail).toBeNull();
  });

  it('shows a friendly error page for a missing study page', async () => {
    const res = await agent.get('/studies/nope?lang=nl').set('accept', 'text/html').expect(404);
    expect(res.text).toContain('Niet gevonden');
    expect(res.text).toContain('Er is geen onderzoek “nope”.');
  });
});
