import { AuditEvent } from '../../src/audit/audit-event.entity';
import type { User } from '../../src/auth/user.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import type { SessionSlot } from '../../src/studies/session-slot.entity';
import type { Study } from '../../src/studies/study.entity';
import { createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createGroupWithMembers, createModerator, createSession, createSlot } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

// The scheduler places no group in a slot that has begun; a researcher's move or swap keeps to the same rule, and a
// session that has begun keeps its slot and moderators.
describe('moving and swapping around sessions that have begun', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let study: Study;
  let begun: SessionSlot;
  let ahead: SessionSlot;
  let later: SessionSlot;
  let moderators: User[];
  let waiting: ScheduledSession;
  let held: ScheduledSession;

  beforeAll(async () => {
    t = await createTestApp();
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password));
    const fx = await createStudy(t.dataSource, { slug: 'begun' }, { organisations: ['RET'], slots: 0 });
    study = fx.study;
    const hour = 3_600_000;
    begun = await createSlot(t.dataSource, study.id, new Date(Date.now() - hour));
    ahead = await createSlot(t.dataSource, study.id, new Date(Date.now() + 7 * 24 * hour));
    later = await createSlot(t.dataSource, study.id, new Date(Date.now() + 9 * 24 * hour));
    const slotIds = [begun.id, ahead.id, later.id];
    moderators = [];
    for (const name of ['Anna', 'Bram', 'Cas', 'Dirk'])
      moderators.push(await createModerator(t.dataSource, study.id, slotIds, { name }));
    const [a, b] = [
      await createGroupWithMembers(t.dataSource, study.id, fx.organisations[0].id),
      await createGroupWithMembers(t.dataSource, study.id, fx.organisations[0].id, { quadrant: 'informatiezoeker' }),
    ];
    const [anna, bram, cas, dirk] = moderators;
    waiting = await createSession(t.dataSource, {
      studyId: study.id,
      groupId: a.group.id,
      slot: ahead,
      lead: anna,
      note: bram,
    });
    held = await createSession(t.dataSource, {
      studyId: study.id,
      groupId: b.group.id,
      slot: begun,
      lead: cas,
      note: dirk,
    });
  });
  afterAll(() => t?.close());

  const sessions = () => t.dataSource.getRepository(ScheduledSession).find({ order: { id: 'ASC' } });
  const moves = () => t.dataSource.getRepository(AuditEvent).countBy({ action: 'schedule.session_move' });
  let before: { sessions: ScheduledSession[]; moves: number };
  beforeEach(async () => {
    before = { sessions: await sessions(), moves: await moves() };
  });
  const expectNothingChanged = async () => {
    expect(await sessions()).toEqual(before.sessions);
    expect(await moves()).toBe(before.moves);
  };

  it('refuses to move a session into a slot that has begun (409), and changes nothing', async () => {
    const res = await agent
      .patch(`/api/studies/${study.slug}/sessions/${waiting.id}`)
      .set('x-csrf-token', csrf)
      .send({ slotId: begun.id })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'schedule.slot-started',
      message: expect.stringContaining('is al begonnen. Kies een later moment'),
      details: { groupId: waiting.groupId, rule: 'slot-started' },
    });
    await expectNothingChanged();
  });

  it('refuses to move a session that has begun out of its slot or to give it other moderators', async () => {
    for (const change of [{ slotId: later.id }, { leadModeratorId: moderators[0].id }]) {
      const res = await agent
        .patch(`/api/studies/${study.slug}/sessions/${held.id}?lang=en`)
        .set('x-csrf-token', csrf)
        .send(change)
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'schedule.session-started',
        message: expect.stringContaining('A session that has begun keeps its slot and moderators.'),
      });
    }
    await expectNothingChanged();
  });

  it('refuses a swap of moderators with a session that has begun, from either side', async () => {
    for (const [id, otherSessionId] of [
      [waiting.id, held.id],
      [held.id, waiting.id],
    ]) {
      const res = await agent
        .post(`/api/studies/${study.slug}/sessions/${id}/swap-moderators`)
        .set('x-csrf-token', csrf)
        .send({ otherSessionId })
        .expect(409);
      expect(res.body.code).toBe('schedule.session-started');
    }
    await expectNothingChanged();
  });

  it('shows the refusal on the schedule page: next to the slot chosen, or at the form of a session that has begun', async () => {
    const into = await agent
      .post(`/studies/${study.slug}/sessions/${waiting.id}/move?lang=nl`)
      .type('form')
      .send({ _csrf: csrf, slotId: begun.id })
      .expect(409);
    expect(into.text).not.toContain('id="refusal"');
    expect(into.text).toMatch(
      new RegExp(
        `<p class="field-error" id="move-slot-${waiting.id}-error">[^<]*is al begonnen. Kies een later moment`,
      ),
    );
    const out = await agent
      .post(`/studies/${study.slug}/sessions/${held.id}/move`)
      .type('form')
      .send({ _csrf: csrf, slotId: later.id })
      .expect(409);
    expect(out.text).not.toContain('id="refusal"');
    expect(out.text).toMatch(/<details open>[\s\S]*Een begonnen sessie houdt haar moment en moderatoren/);
    const swap = await agent
      .post(`/studies/${study.slug}/sessions/${waiting.id}/swap`)
      .type('form')
      .send({ _csrf: csrf, otherSessionId: held.id })
      .expect(409);
    expect(swap.text).toMatch(
      new RegExp(`<p class="field-error" id="swap-${waiting.id}-error">[^<]*Een begonnen sessie houdt haar moment`),
    );
    await expectNothingChanged();
  });

  it('still moves a session that has not begun to another slot ahead', async () => {
    await agent
      .patch(`/api/studies/${study.slug}/sessions/${waiting.id}`)
      .set('x-csrf-token', csrf)
      .send({ slotId: later.id })
      .expect(200);
    expect((await t.dataSource.getRepository(ScheduledSession).findOneByOrFail({ id: waiting.id })).slotId).toBe(
      later.id,
    );
  });
});
