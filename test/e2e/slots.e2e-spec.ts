import { SessionSlot } from '../../src/studies/session-slot.entity';
import { createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

// Session slots online or in person, typed on a Dutch clock on the page, refused with the problem next to the field.
describe('session slots', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    slug = (await createStudy(t.dataSource)).study.slug;
  });
  afterAll(() => t.close());

  const slots = () => t.dataSource.getRepository(SessionSlot).find({ order: { id: 'ASC' } });

  it('adds a slot in person with an address and no link through the API', async () => {
    const res = await agent
      .post(`/api/studies/${slug}/slots`)
      .set('x-csrf-token', csrf)
      .send({
        mode: 'in_person',
        start: '2036-12-09T10:00:00+01:00',
        end: '2036-12-09T12:00:00+01:00',
        location: 'Stadskantoor, Stadsplateau 1, Utrecht',
        onlineUrl: '',
      })
      .expect(201);
    expect(res.body).toMatchObject({ onlineUrl: null, location: 'Stadskantoor, Stadsplateau 1, Utrecht' });
  });

  it('refuses an online slot without a link and one in person without an address, adding nothing', async () => {
    const before = (await slots()).length;
    const online = await agent
      .post(`/api/studies/${slug}/slots`)
      .set('x-csrf-token', csrf)
      .send({ mode: 'online', start: '2036-12-10T10:00:00+01:00', end: '2036-12-10T12:00:00+01:00' })
      .expect(400);
    expect(online.body).toMatchObject({
      code: 'study.slot_invalid',
      details: { onlineUrl: [expect.stringContaining('online session')] },
    });
    const inPerson = await agent
      .post(`/api/studies/${slug}/slots`)
      .set('x-csrf-token', csrf)
      .send({ mode: 'in_person', start: '2036-12-10T10:00:00+01:00', end: '2036-12-10T12:00:00+01:00' })
      .expect(400);
    expect(Object.keys(inPerson.body.details)).toEqual(['location']);
    expect(await slots()).toHaveLength(before);
  });

  it('reads the page form’s date and clock times in Dutch time, also in summer', async () => {
    await agent
      .post(`/studies/${slug}/slots`)
      .type('form')
      .send({
        _csrf: csrf,
        mode: 'online',
        date: '2036-06-17',
        startTime: '19:00',
        endTime: '21:00',
        onlineUrl: 'https://meet.example.org/zomer',
        location: '',
      })
      .expect(303);
    await agent
      .post(`/studies/${slug}/slots`)
      .type('form')
      .send({
        _csrf: csrf,
        mode: 'in_person',
        date: '2036-01-15',
        startTime: '10:00',
        endTime: '12:00',
        onlineUrl: '',
        location: 'Bibliotheek Neude',
      })
      .expect(303);
    const [summer, winter] = (await slots()).slice(-2);
    expect(summer).toMatchObject({
      startsAt: new Date('2036-06-17T17:00:00Z'),
      endsAt: new Date('2036-06-17T19:00:00Z'),
      onlineUrl: 'https://meet.example.org/zomer',
      location: null,
    });
    expect(winter).toMatchObject({
      startsAt: new Date('2036-01-15T09:00:00Z'),
      onlineUrl: null,
      location: 'Bibliotheek Neude',
    });
    const page = await agent.get(`/studies/${slug}/settings?lang=nl`).expect(200);
    expect(page.text).toContain('op locatie: Bibliotheek Neude');
    expect(page.text).toContain('type="date"');
    expect(page.text).toContain('type="time"');
  });

  it('gives a refused page form back with the typed values and each problem next to its field, in the reader’s language', async () => {
    const before = (await slots()).length;
    const res = await agent
      .post(`/studies/${slug}/slots`)
      .type('form')
      .send({
        _csrf: csrf,
        mode: 'in_person',
        date: '2036-03-30',
        startTime: '02:30',
        endTime: '04:30',
        onlineUrl: 'https://meet.example.org/x',
        location: '',
      })
      .expect(400);
    expect(res.text).toContain('Het sessiemoment is niet toegevoegd');
    expect(res.text).toContain('die tijd bestaat die dag niet');
    expect(res.text).toContain('vul het adres in waar deelnemers naartoe komen');
    expect(res.text).toContain('value="2036-03-30"');
    expect(res.text).toMatch(/id="slot-mode-in-person" name="mode" value="in_person" checked/);
    expect(res.text).toContain('aria-invalid="true"');
    const en = await agent
      .post(`/studies/${slug}/slots?lang=en`)
      .type('form')
      .send({
        _csrf: csrf,
        mode: 'online',
        date: '2036-01-15',
        startTime: '12:00',
        endTime: '10:00',
        onlineUrl: 'not a link',
      })
      .expect(400);
    expect(en.text).toContain('must be after the start time');
    expect(en.text).toContain('this is not a web address');
    expect(await slots()).toHaveLength(before);
  });

  it('refuses a slot that lies in the past, on the page next to the date and on the API, and stores nothing', async () => {
    const before = (await slots()).length;
    const page = await agent
      .post(`/studies/${slug}/slots?lang=nl`)
      .type('form')
      .send({
        _csrf: csrf,
        mode: 'online',
        date: '2025-12-09',
        startTime: '10:00',
        endTime: '12:00',
        onlineUrl: 'https://meet.example.org/verleden',
      })
      .expect(400);
    expect(page.text).toContain('ligt in het verleden; kijk de datum en het jaar na');
    expect(page.text).toContain('value="2025-12-09"');
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    const api = await agent
      .post(`/api/studies/${slug}/slots`)
      .set('x-csrf-token', csrf)
      .send({
        mode: 'online',
        start: yesterday.toISOString(),
        end: new Date(yesterday.getTime() + 2 * 3600_000).toISOString(),
        onlineUrl: 'https://meet.example.org/verleden',
      })
      .expect(400);
    expect(api.body).toMatchObject({ code: 'study.slot_invalid' });
    expect(JSON.stringify(api.body)).toContain('start');
    expect(await slots()).toHaveLength(before);
  });
});
