import { AuditEvent } from '../../src/audit/audit-event.entity';
import { createRespondent, createStudy, createUser } from '../support/factories';
import { createScheduledGroup, HomeworkFixture } from '../support/homework-factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

const text = (html: string) =>
  html
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'");

describe('the page per respondent', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fx: HomeworkFixture;
  let researcherEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    researcherEmail = u.email;
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    fx = await createScheduledGroup(t.dataSource, {
      members: 2,
      daysAhead: -1,
      organisation: 'Vitens',
      memberOverrides: { gender: 'v' },
      invited: true,
    });
    await agent
      .post(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/send`)
      .set('x-csrf-token', csrf)
      .expect(200);
    await agent
      .post(`/api/sessions/${fx.session.id}/attendance`)
      .set('x-csrf-token', csrf)
      .send({ present: [fx.members[0].id], absent: [fx.members[1].id] })
      .expect(200);
  });
  afterAll(() => t?.close());

  it('shows profile in words, status history, group and session, homework, e-mails and audit events', async () => {
    const ans = fx.members[0];
    const html = text((await agent.get(`/studies/${fx.study.slug}/respondents/${ans.id}?lang=nl`).expect(200)).text);
    expect(html).toContain(`<h1>${ans.firstName} <span class="muted">#${ans.id}</span></h1>`);
    expect(html).toContain('vrouw');
    expect(html).toContain(ans.email!);
    expect(html).toMatch(/<li><strong>Bevestigd<\/strong>[\s\S]*<li><strong>Deelgenomen<\/strong>/);
    expect(html).toContain('Vitens × Zekerheidszoeker');
    expect(html).toMatch(/<dt>Aanwezigheid<\/dt><dd>Aanwezig/);
    expect(html).toContain('Niet begonnen');
    expect(html).toContain('Uw huiswerkopdracht');
    expect(html).toContain('Aanwezigheid bij sessie');
    const en = text((await agent.get(`/studies/${fx.study.slug}/respondents/${ans.id}?lang=en`).expect(200)).text);
    expect(en).toContain('woman');
    expect(en).toMatch(/<li><strong>Confirmed<\/strong>[\s\S]*<li><strong>Participated<\/strong>/);
    await agent.get(`/studies/${fx.study.slug}/respondents?lang=nl`).expect(200);
  });

  it('reading it is recorded as a personal-data read', async () => {
    const before = await t.dataSource.getRepository(AuditEvent).countBy({ action: 'respondent.read' });
    await agent.get(`/studies/${fx.study.slug}/respondents/${fx.members[1].id}`).expect(200);
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'respondent.read' }, order: { id: 'DESC' } });
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({
      actorEmail: researcherEmail,
      subjectType: 'respondent',
      subjectId: String(fx.members[1].id),
      studyId: fx.study.id,
    });
  });

  it('the pool links to it; a respondent of another study is not found and nothing is recorded; partners have no access', async () => {
    const pool = text((await agent.get(`/studies/${fx.study.slug}/respondents`).expect(200)).text);
    expect(pool).toContain(`href="/studies/${fx.study.slug}/respondents/${fx.members[0].id}"`);
    const other = await createStudy(t.dataSource);
    const stranger = await createRespondent(t.dataSource, other.study.id, other.organisations[0].id);
    const before = await t.dataSource.getRepository(AuditEvent).countBy({ action: 'respondent.read' });
    await agent.get(`/studies/${fx.study.slug}/respondents/${stranger.id}`).expect(404);
    await agent.get(`/studies/${fx.study.slug}/respondents/abc`).expect(400);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'respondent.read' })).toBe(before);
    const partner = await createUser(t.dataSource, { role: 'partner', organisationId: fx.group.organisationId });
    const p = await loginAgent(t.app, partner.email, partner.password);
    await p.agent.get(`/studies/${fx.study.slug}/respondents/${fx.members[0].id}`).expect(403);
  });
});
