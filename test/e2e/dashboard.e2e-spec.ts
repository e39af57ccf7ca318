import { FocusGroup } from '../../src/groups/group.entity';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { createStudy, createUser, StudyFixture } from '../support/factories';
import { createBucket, MIXED } from '../support/groups-factories';
import { Agent, loginAgent } from '../support/http';
import { createModerator } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Page text with the entities Handlebars writes, so sentences read as typed. */
const text = (html: string) =>
  html
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'");

describe('the study dashboard and its bulk actions', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fx: StudyFixture;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    fx = await createStudy(
      t.dataSource,
      {
        slug: 'dash',
        title: 'Dashboardstudie',
        groupsPerQuadrant: 1,
        reservesPerGroup: 0,
        groupTargetSize: 3,
        groupMinSize: 2,
      },
      { organisations: ['RET'], slots: 1 },
    );
  });
  afterAll(() => t?.close());

  const page = async (url: string) => text((await agent.get(url).expect(200)).text);
  const confirmAndRun = async (action: string) => {
    const done = await agent.post(`/studies/dash/actions/${action}`).type('form').send({ _csrf: csrf }).expect(303);
    return done.headers.location;
  };

  it('an empty study opens on its dashboard, which says how to get respondents; the settings have their own page', async () => {
    const html = await page('/studies/dash');
    expect(html).toContain('Nog geen respondenten');
    expect(html).toContain('href="/s/dash"');
    expect(html).toContain('kwadrant demo --with-respondents');
    expect(html).toContain('Er zijn nog geen respondenten.');
    expect(html).toMatch(/class="button" href="\/studies\/dash\/respondents\/import">Respondenten importeren/);
    const en = await page('/studies/dash?lang=en');
    expect(en).toContain('No respondents yet');
    await page('/studies/dash?lang=nl');
    const settings = await page('/studies/dash/settings');
    expect(settings).toContain('action="/studies/dash"');
    const saved = await agent
      .post('/studies/dash')
      .type('form')
      .send({ _csrf: csrf, title: 'Dashboardstudie' })
      .expect(303);
    expect(saved.headers.location).toBe('/studies/dash/settings');
  });

  it('shows the pipeline per organisation × quadrant against the target, and asks to form groups', async () => {
    await createBucket(t.dataSource, fx.study.id, fx.organisations[0].id, 'gemakzoeker', MIXED.slice(0, 3));
    const html = await page('/studies/dash');
    expect(html).toContain('RET × Gemakzoeker');
    expect(html).toMatch(
      /<th scope="row">RET × Gemakzoeker<\/th>\s*<td data-label="Doel">3<\/td>\s*<td data-label="Gescreend">3<\/td><td data-label="Geschikt">3<\/td><td data-label="In groep" class="below">0/,
    );
    expect(html).toContain('3 geschikte respondenten, maar nog geen groepen.');
    // Three other quadrants have nobody: the blocker names them.
    expect(html).toContain('RET × Informatiezoeker: 0 van 3');
  });

  it('confirms every proposed group after saying what will happen (no e-mails)', async () => {
    await agent.post('/api/studies/dash/groups/form').set('x-csrf-token', csrf).send({}).expect(200);
    expect(await page('/studies/dash')).toContain('1 groep voorgesteld, nog niet bevestigd.');
    const confirm = await page('/studies/dash/actions/confirm-groups');
    expect(confirm).toContain('1 voorgestelde groep bevestigen (deelnemers: 3). Er gaan geen e-mails uit.');
    expect(confirm).toContain('Ja, groepen bevestigen');
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ status: 'proposed' })).toBe(1);
    expect(await confirmAndRun('confirm-groups')).toBe('/studies/dash');
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ status: 'confirmed' })).toBe(1);
    expect(await page('/studies/dash')).toContain('1 groep bevestigd.');
  });

  it('asks for moderators, then for a schedule', async () => {
    expect(await page('/studies/dash')).toContain('Te weinig moderatoren: 0');
    for (const name of ['Anna', 'Bram'])
      await createModerator(
        t.dataSource,
        fx.study.id,
        fx.slots.map((s) => s.id),
        { name },
      );
    expect(await page('/studies/dash')).toContain('1 bevestigde groep zonder moment.');
    await agent.post('/api/studies/dash/schedule/run').set('x-csrf-token', csrf).send({}).expect(200);
    expect(await t.dataSource.getRepository(ScheduledSession).count()).toBe(1);
  });

  it('invites every scheduled group after counting the e-mails, members and moderators', async () => {
    const html = await page('/studies/dash');
    expect(html).toContain('1 ingeplande groep is nog niet (helemaal) uitgenodigd.');
    const confirm = await page('/studies/dash/actions/invite');
    expect(confirm).toContain(
      '1 ingeplande groep uitnodigen (deelnemers: 3). E-mails aan deelnemers en moderatoren: 5.',
    );
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(0);
    expect(await confirmAndRun('invite')).toBe('/studies/dash');
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(5);
    expect(await page('/studies/dash/actions/invite')).toContain(
      'Geen ingeplande groepen die nog een uitnodiging nodig hebben.',
    );
    // Nothing left to do: a second run (an old tab) is refused and sends nothing.
    await agent.post('/studies/dash/actions/invite').type('form').send({ _csrf: csrf }).expect(409);
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(5);
  });

  it('sends homework to everyone invited, and only to them', async () => {
    const members = await t.dataSource.getRepository(Respondent).findBy({ studyId: fx.study.id, status: 'invited' });
    expect(members).toHaveLength(3);
    // One member's invitation was cancelled meanwhile (back to "in a group"): no homework for them.
    await t.dataSource.getRepository(Respondent).update(members[2].id, { status: 'grouped' });
    const confirm = await page('/studies/dash/actions/homework');
    expect(confirm).toContain(
      'Huiswerk sturen aan de uitgenodigde deelnemers van 1 groep (deelnemers: 2). Brieven per e-mail: 2. Om te printen en op te sturen: 0.',
    );
    expect(await confirmAndRun('homework')).toBe('/studies/dash');
    const assigned = (await t.dataSource.getRepository(HomeworkAssignment).find()).map((a) => a.respondentId).sort();
    expect(assigned).toEqual([members[0].id, members[1].id].sort());
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ kind: 'homework-letter' })).toBe(2);
    expect(await page('/studies/dash')).toContain('Niemand die is uitgenodigd, wacht nog op huiswerk.');
  });

  it('an unknown action is a 404; the bulk pages need a login and a CSRF token', async () => {
    await agent.get('/studies/dash/actions/erase-everyone').expect(404);
    await agent.post('/studies/dash/actions/invite').type('form').send({}).expect(403);
    await agent.get('/studies/nope').expect(404);
  });
});
