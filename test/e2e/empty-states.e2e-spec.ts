import { createRespondent, createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createModerator } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

// A researcher with an empty study is told what to do next on each page, not just that there is nothing.
describe('empty states of researcher pages', () => {
  let t: TestApp;
  let agent: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent } = await loginAgent(t.app, u.email, u.password));
  });
  afterAll(() => t.close());

  it('the pool of a study without respondents points to the screener and the import', async () => {
    const { study } = await createStudy(t.dataSource, { status: 'draft' });
    const res = await agent.get(`/studies/${study.slug}/respondents?lang=nl`).expect(200);
    expect(res.text).toContain('id="pool-empty"');
    expect(res.text).toContain(
      `<a href="/s/${study.slug}">/s/${study.slug}</a> (de screener is open zodra het onderzoek de status Werving heeft)`,
    );
    expect(res.text).toContain(`<a href="/studies/${study.slug}/respondents/import">Importeer een bestand`);
    // Only a filter that matches nobody: the plain "none found".
    const { study: other, organisations } = await createStudy(t.dataSource);
    await createRespondent(t.dataSource, other.id, organisations[0].id, { quadrant: 'gemakzoeker' });
    const filtered = await agent.get(`/studies/${other.slug}/respondents?quadrant=informatiezoeker`).expect(200);
    expect(filtered.text).not.toContain('id="pool-empty"');
  });

  it('the schedule says that moderators and confirmed groups come first, with links to where', async () => {
    const { study, slots } = await createStudy(t.dataSource);
    const res = await agent.get(`/studies/${study.slug}/schedule?lang=nl`).expect(200);
    expect(res.text).toContain('Dit onderzoek heeft nog geen moderatoren;');
    expect(res.text).toContain(`<a href="/studies/${study.slug}/moderators">Moderatoren toevoegen</a>`);
    expect(res.text).toContain(`<a href="/studies/${study.slug}/groups">Naar de groepen</a>`);
    await createModerator(t.dataSource, study.id, [slots[0].id]);
    expect((await agent.get(`/studies/${study.slug}/schedule?lang=en`).expect(200)).text).toContain(
      'This study has 1 moderator; a session needs two',
    );
    await createModerator(t.dataSource, study.id, [slots[0].id]);
    expect((await agent.get(`/studies/${study.slug}/schedule`).expect(200)).text).not.toContain(
      'id="schedule-needs-moderators"',
    );
  });

  it('the moderators page explains what a moderator is for', async () => {
    const { study } = await createStudy(t.dataSource);
    const res = await agent.get(`/studies/${study.slug}/moderators?lang=en`).expect(200);
    expect(res.text).toContain('Every session needs two: a lead and a note-taker.');
  });
});
