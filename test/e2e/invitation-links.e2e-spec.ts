import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import type { Respondent } from '../../src/respondents/respondent.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { createStudy, createUser } from '../support/factories';
import { anonymousAgent, loginAgent } from '../support/http';
import { createGroupWithMembers, createSlot, GroupFixture } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Invitation links after erasure and after the study is closed: 410 with the helpline, and nothing moves or is mailed. */
describe('invitation links /c/:token after erasure and closing (HTTP)', () => {
  let t: TestApp;
  let slug: string;
  let group: GroupFixture;
  let staff: Awaited<ReturnType<typeof loginAgent>>;

  const tokenOf = async (respondent: Respondent, action: 'confirm' | 'decline') => {
    const messages = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { toAddress: respondent.email! }, order: { id: 'DESC' } });
    return new RegExp(`/c/([A-Za-z0-9_-]+)/${action}`).exec(messages[0].textBody)![1];
  };
  const invitationOf = (respondentId: number) =>
    t.dataSource.getRepository(Invitation).findOneByOrFail({ respondentId });
  const roleOf = async (respondentId: number) =>
    (await t.dataSource.getRepository(GroupMember).findOneBy({ respondentId }))?.role ?? null;
  const outboxCount = () => t.dataSource.getRepository(OutboxMessage).count();

  beforeAll(async () => {
    t = await createTestApp();
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    const moderators = [await createUser(t.dataSource), await createUser(t.dataSource)];
    const fx = await createStudy(
      t.dataSource,
      { slug: 'links-close', helpPhone: '030 222 33 44', status: 'fieldwork' },
      { organisations: ['Vitens'], slots: 0 },
    );
    slug = fx.study.slug;
    const slot = await createSlot(t.dataSource, fx.study.id, new Date(Date.now() + 21 * 86_400_000));
    group = await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[0].id, {
      members: 3,
      reserves: 1,
    });
    staff = await loginAgent(t.app, researcher.email, researcher.password);
    for (const m of moderators)
      await staff.agent
        .put(`/api/studies/${slug}/moderators/${m.id}`)
        .set('x-csrf-token', staff.csrf)
        .send({ slotIds: [slot.id] })
        .expect(200);
    await staff.agent.post(`/api/studies/${slug}/schedule/run`).set('x-csrf-token', staff.csrf).send({}).expect(200);
    const sent = await staff.agent
      .post(`/api/studies/${slug}/invitations`)
      .set('x-csrf-token', staff.csrf)
      .send({ groupId: group.group.id })
      .expect(200);
    expect(sent.body[0].invited).toHaveLength(3);
  });
  afterAll(() => t?.close());

  it('answers 410 with the helpline once the respondent is erased, and a decline then changes nothing', async () => {
    const person = group.members[0];
    const [confirm, decline] = [await tokenOf(person, 'confirm'), await tokenOf(person, 'decline')];
    await staff.agent
      .post(`/api/studies/${slug}/respondents/${person.id}/erase`)
      .set('x-csrf-token', staff.csrf)
      .expect(200);
    const mails = await outboxCount();
    const page = await anonymousAgent(t.app).get(`/c/${confirm}/confirm`).expect(410);
    expect(page.text).toContain('Uw gegevens zijn verwijderd');
    expect(page.text).toContain('030 222 33 44');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    await anonymousAgent(t.app).post(`/c/${confirm}/confirm`).expect(410);
    const refused = await anonymousAgent(t.app).post(`/c/${decline}/decline`).expect(410);
    expect(refused.text).toContain('Deze link werkt niet meer');
    expect((await invitationOf(person.id)).status).toBe('sent');
    expect(await roleOf(group.reserves[0].id)).toBe('reserve');
    expect(await outboxCount()).toBe(mails);
  });

  it('answers 410 after the study is closed: a decline promotes no reserve and mails nobody', async () => {
    const person = group.members[1];
    const decline = await tokenOf(person, 'decline');
    const confirm = await tokenOf(group.members[2], 'confirm');
    await staff.agent
      .patch(`/api/studies/${slug}`)
      .set('x-csrf-token', staff.csrf)
      .send({ status: 'closed' })
      .expect(200);
    const mails = await outboxCount();

    const english = await anonymousAgent(t.app).get(`/c/${decline}/decline?lang=en`).expect(410);
    expect(english.text).toContain('The research has ended');
    expect(english.text).toContain('030 222 33 44');
    const refused = await anonymousAgent(t.app).post(`/c/${decline}/decline`).expect(410);
    expect(refused.text).toContain('Het onderzoek is afgelopen');
    await anonymousAgent(t.app).post(`/c/${confirm}/confirm`).expect(410);

    expect((await invitationOf(person.id)).status).toBe('sent');
    expect((await invitationOf(group.members[2].id)).status).toBe('sent');
    expect(await roleOf(person.id)).toBe('member');
    expect(await roleOf(group.reserves[0].id)).toBe('reserve');
    expect(await outboxCount()).toBe(mails);
  });

  it('refuses to send invitations or homework letters in a closed study', async () => {
    const mails = await outboxCount();
    const invitations = await staff.agent
      .post(`/api/studies/${slug}/invitations`)
      .set('x-csrf-token', staff.csrf)
      .send({ groupId: group.group.id })
      .expect(409);
    expect(invitations.body).toMatchObject({ code: 'study.closed', message: expect.stringContaining('gesloten') });
    const homework = await staff.agent
      .post(`/api/studies/${slug}/homework/groups/${group.group.id}/send`)
      .set('x-csrf-token', staff.csrf)
      .expect(409);
    expect(homework.body.code).toBe('study.closed');
    expect(await outboxCount()).toBe(mails);
  });

  it('still tells an unknown link kindly, in Dutch, with 404', async () => {
    const res = await anonymousAgent(t.app).get('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/decline').expect(404);
    expect(res.text).toContain('Deze link kennen we niet');
  });
});
