import { FocusGroup } from '../../src/groups/group.entity';
import { SessionSlot } from '../../src/studies/session-slot.entity';
import { createUser } from '../support/factories';
import { createScheduledGroup } from '../support/homework-factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

// Dissolving a group and deleting a slot ask scheduling first (study-flow's orchestrators, above groups, studies and
// scheduling); their API and page routes answer the refusal as the groups and settings pages always did.
describe('changes refused because of a session', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
  });
  afterAll(() => t.close());

  const groupsLeft = (id: number) => t.dataSource.getRepository(FocusGroup).countBy({ id });
  const slotsLeft = (id: number) => t.dataSource.getRepository(SessionSlot).countBy({ id });

  it('keeps a scheduled group: 409 from the API, the groups page again with the refusal on top in Dutch', async () => {
    const fx = await createScheduledGroup(t.dataSource);

    const api = await agent.post(`/api/groups/${fx.group.id}/dissolve`).set('x-csrf-token', csrf).expect(409);
    expect(api.body).toMatchObject({ code: 'group.scheduled' });
    const page = await agent
      .post(`/studies/${fx.study.slug}/groups/${fx.group.id}/dissolve?lang=nl`)
      .type('form')
      .send({ _csrf: csrf, confirm: 'yes' })
      .expect(409);
    expect(page.text).toContain('id="refusal"');
    expect(page.text).toContain(`Groep ${fx.group.id} heeft een geplande sessie.`);
    expect(page.text).toContain(`action="/studies/${fx.study.slug}/groups/form"`);

    expect(await groupsLeft(fx.group.id)).toBe(1);
  });

  it('answers an unknown group action on the groups page with a 404', async () => {
    const fx = await createScheduledGroup(t.dataSource);

    await agent
      .post(`/studies/${fx.study.slug}/groups/${fx.group.id}/merge`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
  });

  it('keeps a slot a session meets in: the confirmation says so, and the API and page refuse with 409', async () => {
    const fx = await createScheduledGroup(t.dataSource);
    const path = `/studies/${fx.study.slug}/slots/${fx.session.slotId}/delete`;

    const ask = await agent.post(`${path}?lang=en`).type('form').send({ _csrf: csrf }).expect(200);
    expect(ask.text).toContain('Note: 1 session uses this slot');
    await agent.post(path).type('form').send({ _csrf: csrf, confirm: 'yes' }).expect(409);
    const api = await agent
      .delete(`/api/studies/${fx.study.slug}/slots/${fx.session.slotId}`)
      .set('x-csrf-token', csrf)
      .expect(409);
    expect(api.body).toMatchObject({ code: 'study.slot_in_use' });

    expect(await slotsLeft(fx.session.slotId)).toBe(1);
  });
});
