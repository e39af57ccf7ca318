import { FocusGroup } from '../../src/groups/group.entity';
import { Moderator } from '../../src/scheduling/moderator.entity';
import { SessionSlot } from '../../src/studies/session-slot.entity';
import { StudyOrganisation } from '../../src/studies/study-organisation.entity';
import { createStudy, createUser, StudyFixture } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createGroupWithMembers, createModerator } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

// Destructive page actions: a post without confirm=yes changes nothing and answers with a page that says what would
// happen; only the confirmed post acts.
describe('confirmation of destructive page actions', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let f: StudyFixture;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    f = await createStudy(t.dataSource, {}, { organisations: ['Vitens', 'RET'], slots: 2 });
  });
  afterAll(() => t.close());

  const ask = async (path: string) => {
    const res = await agent.post(`${path}?lang=nl`).type('form').send({ _csrf: csrf }).expect(200);
    expect(res.text).toContain('Er is nog niets gedaan');
    expect(res.text).toContain(`action="${path}"`);
    expect(res.text).toContain('name="confirm" value="yes"');
    return res.text;
  };
  const confirm = (path: string) => agent.post(path).type('form').send({ _csrf: csrf, confirm: 'yes' }).expect(303);

  it('dissolves a group only once confirmed, saying who becomes available again', async () => {
    const { group } = await createGroupWithMembers(t.dataSource, f.study.id, f.organisations[0].id, {
      status: 'proposed',
      members: 3,
      reserves: 1,
    });
    const path = `/studies/${f.study.slug}/groups/${group.id}/dissolve`;
    const text = await ask(path);
    expect(text).toContain(`Groep ${group.id} opheffen?`);
    expect(text).toContain('Haar 3 deelnemers zijn daarna weer beschikbaar voor nieuwe groepen.');
    expect(text).toContain('Ook haar 1 reserve is dan weer beschikbaar.');
    const en = await agent.post(`${path}?lang=en`).type('form').send({ _csrf: csrf }).expect(200);
    expect(en.text).toContain('Its 3 members are then available for new groups again.');
    expect(en.text).toContain('So is its 1 reserve.');
    expect(text).toContain('Niemand krijgt een e-mail.');
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ id: group.id })).toBe(1);
    // Something other than "yes" is no confirmation either.
    await agent.post(path).type('form').send({ _csrf: csrf, confirm: 'true' }).expect(200);
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ id: group.id })).toBe(1);
    await confirm(path);
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ id: group.id })).toBe(0);
  });

  it('deletes a session slot only once confirmed', async () => {
    const slot = f.slots[1];
    const path = `/studies/${f.study.slug}/slots/${slot.id}/delete`;
    const text = await ask(path);
    expect(text).toContain('Niemand krijgt een e-mail.');
    expect(text).toContain(`href="/studies/${f.study.slug}/settings#slots"`);
    expect(await t.dataSource.getRepository(SessionSlot).countBy({ id: slot.id })).toBe(1);
    await confirm(path);
    expect(await t.dataSource.getRepository(SessionSlot).countBy({ id: slot.id })).toBe(0);
  });

  it('removes a partner organisation only once confirmed, naming it', async () => {
    const link = await t.dataSource
      .getRepository(StudyOrganisation)
      .findOneByOrFail({ studyId: f.study.id, organisationId: f.organisations[1].id });
    const path = `/studies/${f.study.slug}/organisations/${link.id}/delete`;
    expect(await ask(path)).toContain('RET als partnerorganisatie verwijderen?');
    expect(await t.dataSource.getRepository(StudyOrganisation).countBy({ id: link.id })).toBe(1);
    await confirm(path);
    expect(await t.dataSource.getRepository(StudyOrganisation).countBy({ id: link.id })).toBe(0);
  });

  it('removes a moderator only once confirmed, in English too', async () => {
    const moderator = await createModerator(t.dataSource, f.study.id, [f.slots[0].id], { name: 'Mona Moderator' });
    const path = `/studies/${f.study.slug}/moderators/${moderator.id}/delete`;
    const en = await agent.post(`${path}?lang=en`).type('form').send({ _csrf: csrf }).expect(200);
    expect(en.text).toContain('Remove Mona Moderator as a moderator?');
    expect(en.text).toContain('Nothing has been done yet');
    expect(await t.dataSource.getRepository(Moderator).countBy({ studyId: f.study.id, userId: moderator.id })).toBe(1);
    await confirm(path);
    expect(await t.dataSource.getRepository(Moderator).countBy({ studyId: f.study.id, userId: moderator.id })).toBe(0);
  });

  it('answers 404, not a confirmation, for something that does not exist', async () => {
    await agent.post(`/studies/${f.study.slug}/slots/999999/delete`).type('form').send({ _csrf: csrf }).expect(404);
    await agent.post(`/studies/${f.study.slug}/groups/999999/dissolve`).type('form').send({ _csrf: csrf }).expect(404);
  });
});
