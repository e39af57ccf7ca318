import * as ical from 'node-ical';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import type { SessionSlot } from '../../src/studies/session-slot.entity';
import type { Study } from '../../src/studies/study.entity';
import { createStudy, createUser } from '../support/factories';
import { anonymousAgent, loginAgent } from '../support/http';
import { createGroupWithMembers, createSlot, GroupFixture } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('scheduling over HTTP: API, pages and the public confirm/decline links', () => {
  let t: TestApp;
  let study: Study;
  let slots: SessionSlot[];
  let group: GroupFixture;
  let researcher: Awaited<ReturnType<typeof createUser>>;
  let moderators: Awaited<ReturnType<typeof createUser>>[];

  const tokenOf = async (respondent: Respondent, action: 'confirm' | 'decline') => {
    const messages = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { toAddress: respondent.email! }, order: { id: 'DESC' } });
    return new RegExp(`/c/([A-Za-z0-9_-]+)/${action}`).exec(messages[0].textBody)![1];
  };
  const invitationOf = (respondentId: number) =>
    t.dataSource.getRepository(Invitation).findOneByOrFail({ respondentId });

  beforeAll(async () => {
    t = await createTestApp();
    researcher = await createUser(t.dataSource, { role: 'researcher' });
    moderators = [
      await createUser(t.dataSource, { name: 'Anna Moderator' }),
      await createUser(t.dataSource, { name: 'Bram Moderator' }),
    ];
    const fx = await createStudy(t.dataSource, { slug: 'http-plan' }, { organisations: ['RET'], slots: 0 });
    study = fx.study;
    slots = [
      await createSlot(t.dataSource, study.id, new Date('2037-12-08T09:00:00Z')),
      await createSlot(t.dataSource, study.id, new Date('2037-12-09T09:00:00Z')),
    ];
    group = await createGroupWithMembers(t.dataSource, study.id, fx.organisations[0].id, { members: 3, reserves: 1 });
  });
  afterAll(() => t?.close());

  it('manages moderators, schedules, and sends invitations through the API (CSRF required)', async () => {
    const { agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password);
    await agent
      .put(`/api/studies/${study.slug}/moderators/${moderators[0].id}`)
      .send({ slotIds: [slots[0].id] })
      .expect(403);
    for (const m of moderators) {
      const res = await agent
        .put(`/api/studies/${study.slug}/moderators/${m.id}`)
        .set('x-csrf-token', csrf)
        .send({ slotIds: slots.map((s) => s.id), maxPerDay: 2, minRestMinutes: 30 })
        .expect(200);
      expect(res.body).toMatchObject({
        userId: m.id,
        maxPerDay: 2,
        minRestMinutes: 30,
        slotIds: slots.map((s) => s.id),
      });
    }
    const bad = await agent
      .put(`/api/studies/${study.slug}/moderators/${moderators[0].id}`)
      .set('x-csrf-token', csrf)
      .send({ maxPerDay: 0 })
      .expect(400);
    expect(bad.body.details).toHaveProperty('maxPerDay');

    const preview = await agent
      .post(`/api/studies/${study.slug}/schedule/run`)
      .set('x-csrf-token', csrf)
      .send({ dryRun: true })
      .expect(200);
    expect(preview.body.placed).toHaveLength(1);
    await agent.post(`/api/studies/${study.slug}/schedule/run`).set('x-csrf-token', csrf).send({}).expect(200);
    const view = await agent.get(`/api/studies/${study.slug}/schedule`).expect(200);
    const session = view.body.days.flatMap((d: { slots: { sessions: unknown[] }[] }) =>
      d.slots.flatMap((s) => s.sessions),
    )[0];
    expect(session).toMatchObject({ groupId: group.group.id, invited: false });

    const conflict = await agent
      .patch(`/api/studies/${study.slug}/sessions/${session.id}`)
      .set('x-csrf-token', csrf)
      .send({ noteModeratorId: session.lead.id })
      .expect(409);
    expect(conflict.body).toMatchObject({
      code: 'schedule.same-moderator',
      message: expect.stringContaining('twee verschillende moderatoren'),
    });

    const sent = await agent
      .post(`/api/studies/${study.slug}/invitations`)
      .set('x-csrf-token', csrf)
      .send({ groupId: group.group.id })
      .expect(200);
    expect(sent.body[0].invited).toHaveLength(3);
  });

  it('shows a button on GET and only acts on POST, for confirm and for decline', async () => {
    const visitor = anonymousAgent(t.app);
    const [first, second] = group.members;
    const confirmToken = await tokenOf(first, 'confirm');
    const page = await visitor.get(`/c/${confirmToken}/confirm`).expect(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain(`<form method="post" action="/c/${confirmToken}/confirm"`);
    expect(page.text).toContain('Ja, ik kom');
    expect(page.text).toContain('Nederlandse tijd');
    // The link in an English e-mail carries ?lang=en: labels and the time then both read English.
    const english = await anonymousAgent(t.app).get(`/c/${confirmToken}/confirm?lang=en`).expect(200);
    expect(english.text).toContain('(Dutch time)');
    expect(english.text).not.toContain('Nederlandse tijd');
    expect((await invitationOf(first.id)).status).toBe('sent');
    // An answer is a 303 to a page with the outcome, so a reload does not post it again.
    const answered = await visitor.post(`/c/${confirmToken}/confirm`).expect(303);
    expect(answered.headers.location).toBe(`/c/${confirmToken}/answered`);
    const done = await visitor.get(answered.headers.location).expect(200);
    expect(done.headers['referrer-policy']).toBe('no-referrer');
    expect(done.text).toContain('Dank u wel!');
    expect((await anonymousAgent(t.app).get(`/c/${confirmToken}/answered?lang=en`).expect(200)).text).toContain(
      'Thank you!',
    );
    expect((await invitationOf(first.id)).status).toBe('confirmed');

    const declineToken = await tokenOf(second, 'decline');
    await visitor.get(`/c/${declineToken}/decline`).expect(200);
    expect((await invitationOf(second.id)).status).toBe('sent');
    const declinedAt = await visitor.post(`/c/${declineToken}/decline`).expect(303);
    const declined = await visitor.get(declinedAt.headers.location).expect(200);
    expect(declined.text).toContain('U hebt zich afgemeld');
    expect((await invitationOf(second.id)).status).toBe('declined');
    expect((await invitationOf(group.reserves[0].id)).status).toBe('sent');

    const unknown = await visitor.get('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/confirm').expect(404);
    expect(unknown.text).toContain('Deze link kennen we niet');
    await visitor.post('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/decline').expect(404);
  });

  it('renders the schedule, moderators and moderator pages, and serves the private feed', async () => {
    const { agent, csrf } = await loginAgent(t.app, moderators[0].email, moderators[0].password);
    const schedule = await agent.get(`/studies/${study.slug}/schedule`).expect(200);
    expect(schedule.text).toContain('RET × Gemakzoeker');
    expect(schedule.text).toContain('bevestigd');
    expect(schedule.text).toContain('afgemeld');
    await agent.get(`/studies/${study.slug}/schedule?preview=1`).expect(200);
    const mods = await agent.get(`/studies/${study.slug}/moderators`).expect(200);
    expect(mods.text).toContain('Anna Moderator');
    const mine = await agent.post('/moderator/feed').type('form').send({ _csrf: csrf }).expect(200);
    const url = /value="(https?:\/\/[^"]+\/ical\/[^"]+\.ics)"/.exec(mine.text)![1];
    const feed = await anonymousAgent(t.app).get(new URL(url).pathname).expect(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(feed.text)).filter((c) => c?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    await anonymousAgent(t.app).get('/ical/not-a-token.ics').expect(404);
    await anonymousAgent(t.app)
      .get(`/studies/${study.slug}/schedule`)
      .expect((r) => expect([302, 303, 401]).toContain(r.status));
  });

  it('shows a move that breaks a rule on the schedule page itself, next to the field it is about (shown again, not redirected), instead of an error page', async () => {
    const { agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password);
    const { sessionId } = await invitationOf(group.members[0].id);
    const view = await agent.get(`/api/studies/${study.slug}/schedule`).expect(200);
    const session = view.body.days
      .flatMap((d: { slots: { sessions: { id: number; lead: { id: number } }[] }[] }) =>
        d.slots.flatMap((s) => s.sessions),
      )
      .find((s: { id: number }) => s.id === sessionId);
    const page = await agent
      .post(`/studies/${study.slug}/sessions/${sessionId}/move`)
      .type('form')
      .send({ _csrf: csrf, noteModeratorId: session.lead.id });
    expect([400, 409]).toContain(page.status);
    // At the form it is about, under the two moderators chosen, not at the top of the page.
    expect(page.text).not.toContain('id="refusal"');
    expect(page.text).toContain('Niet gewijzigd.');
    expect(page.text).toMatch(
      new RegExp(`<p class="field-error" id="move-moderators-${sessionId}-error">[^<]*twee verschillende moderatoren`),
    );
    const again = await agent.get(`/studies/${study.slug}/schedule`).expect(200);
    expect(again.text).not.toContain('id="refusal"');
    const unknown = await agent
      .post(`/studies/${study.slug}/sessions/999999/move`)
      .type('form')
      .send({ _csrf: csrf, slotId: slots[0].id })
      .expect(404);
    expect(unknown.text).toContain('id="refusal"');
  });

  it('cancels a session from the page form only once confirmed, and a link for it then says it was cancelled', async () => {
    const { agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password);
    const reserveToken = await tokenOf(group.reserves[0], 'confirm');
    const inv = await invitationOf(group.reserves[0].id);
    // Without the confirmation nothing happens: the page says who would be e-mailed and asks again.
    const ask = await agent
      .post(`/studies/${study.slug}/sessions/${inv.sessionId}/cancel?lang=nl`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(ask.text).toContain('Er is nog niets gedaan');
    expect(ask.text).toMatch(/(1 deelnemer krijgt|[02-9] deelnemers krijgen) een afzegging per e-mail/);
    expect(ask.text).toContain('2 moderatoren krijgen een afzegging per e-mail.');
    expect(ask.text).toContain('name="confirm" value="yes"');
    expect((await anonymousAgent(t.app).get(`/c/${reserveToken}/confirm`).expect(200)).text).not.toContain(
      'gaat niet door',
    );
    await agent
      .post(`/studies/${study.slug}/sessions/${inv.sessionId}/cancel`)
      .type('form')
      .send({ _csrf: csrf, confirm: 'yes' })
      .expect(303);
    await anonymousAgent(t.app).post(`/c/${reserveToken}/confirm`).expect(410);
    const page = await anonymousAgent(t.app).get(`/c/${reserveToken}/confirm`).expect(200);
    expect(page.text).toContain('gaat niet door');
    expect(page.text).not.toContain('<form method="post"');
  });
});
