import { AuditEvent } from '../../src/audit/audit-event.entity';
import type { User } from '../../src/auth/user.entity';
import { hashToken } from '../../src/common/tokens';
import { GroupMember } from '../../src/groups/group-member.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import type { SessionSlot } from '../../src/studies/session-slot.entity';
import type { Study } from '../../src/studies/study.entity';
import { createStudy, createUser } from '../support/factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import {
  createGroupWithMembers,
  createModerator,
  createSession,
  createSlot,
  GroupFixture,
} from '../support/scheduling-factories';
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
  let declining: GroupFixture;

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
    // A group whose invitations went out before its session began; one member still holds an open invitation.
    declining = await createGroupWithMembers(t.dataSource, study.id, fx.organisations[0].id, {
      quadrant: 'zekerheidszoeker',
      reserves: 1,
    });
    const late = await createSession(
      t.dataSource,
      { studyId: study.id, groupId: declining.group.id, slot: begun, lead: anna, note: bram },
      { invitedAt: new Date(Date.now() - 9 * 24 * hour), invitedLeadId: anna.id, invitedNoteId: bram.id },
    );
    await t.dataSource.getRepository(Invitation).insert({
      studyId: study.id,
      sessionId: late.id,
      respondentId: declining.members[0].id,
      tokenHash: hashToken(LATE_TOKEN),
      status: 'sent',
      sequence: 0,
      sentAt: new Date(Date.now() - 9 * 24 * hour),
      respondedAt: null,
    });
  });
  afterAll(() => t?.close());
  /** The part of the schedule page about one session. */
  const articleOf = (html: string, sessionId: number) => {
    const from = html.slice(html.indexOf(`id="session-${sessionId}"`));
    return from.slice(0, from.indexOf('</article>'));
  };
  const LATE_TOKEN = 'late-decline-token-0123456789abcdef';
  const mails = () => t.dataSource.getRepository(OutboxMessage).count();
  const invitations = () => t.dataSource.getRepository(Invitation).count();

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
    // The session offers no move form any more: the refusal (from a page loaded before it began) is at its note.
    expect(articleOf(out.text, held.id)).toMatch(
      /id="session-\d+-begun"[\s\S]*id="form-problems"[\s\S]*Een begonnen sessie houdt haar moment en moderatoren/,
    );
    const swap = await agent
      .post(`/studies/${study.slug}/sessions/${waiting.id}/swap`)
      .type('form')
      .send({ _csrf: csrf, otherSessionId: held.id })
      .expect(409);
    // No session left to swap with, so the page has no swap form to show it at: it is said at the top.
    expect(swap.text).toMatch(/id="refusal"[\s\S]*Een begonnen sessie houdt haar moment/);
    // From a page loaded before it began: said at the session's note, linking to no form field that is not there.
    const own = await agent
      .post(`/studies/${study.slug}/sessions/${held.id}/swap`)
      .type('form')
      .send({ _csrf: csrf, otherSessionId: waiting.id })
      .expect(409);
    const heldPart = articleOf(own.text, held.id);
    expect(heldPart).toMatch(/id="form-problems"[\s\S]*Een begonnen sessie houdt haar moment/);
    expect(heldPart).not.toContain(`href="#swap-${held.id}"`);
    await expectNothingChanged();
  });

  it('offers no move, swap or invitation for a session that has begun, nor its slot or it as a choice', async () => {
    const res = await agent.get(`/studies/${study.slug}/schedule?lang=nl`).expect(200);
    const begunSession = articleOf(res.text, held.id);
    expect(begunSession).toContain('Deze sessie is al begonnen.');
    for (const action of ['/move"', '/swap"', '/invitations"']) expect(begunSession).not.toContain(action);
    const open = articleOf(res.text, waiting.id);
    expect(open).toContain(`action="/studies/${study.slug}/sessions/${waiting.id}/move"`);
    expect(open).toMatch(
      new RegExp(`<select id="move-slot-${waiting.id}" name="slotId" aria-describedby="move-slot-${waiting.id}-hint">`),
    );
    expect(open).toContain('Momenten die al begonnen zijn, staan niet in deze lijst.');
    expect(open).not.toContain(`<option value="${begun.id}"`);
    expect(open).toContain(`<option value="${later.id}"`);
    // Swapping is with a session that has not begun; the only other one here has.
    expect(open).not.toContain(`/sessions/${waiting.id}/swap"`);
  });

  it('sends no invitations for a session that has begun (409), and changes nothing', async () => {
    const [mailsBefore, invitationsBefore] = [await mails(), await invitations()];
    const res = await agent
      .post(`/api/studies/${study.slug}/invitations`)
      .set('x-csrf-token', csrf)
      .send({ groupId: held.groupId })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'invitation.session_started',
      message: expect.stringContaining('is al begonnen: er gaan geen uitnodigingen meer voor uit'),
      details: { groupId: held.groupId },
    });
    const english = await agent
      .post(`/api/studies/${study.slug}/invitations?lang=en`)
      .set('x-csrf-token', csrf)
      .send({ groupId: held.groupId })
      .expect(409);
    expect(english.body.message).toContain('has already begun: no more invitations are sent for it');
    expect([await mails(), await invitations()]).toEqual([mailsBefore, invitationsBefore]);
    await expectNothingChanged();
  });

  it('shows that refusal next to the invitation button of the session on the schedule page', async () => {
    const mailsBefore = await mails();
    const res = await agent
      .post(`/studies/${study.slug}/schedule/groups/${held.groupId}/invitations?lang=nl`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(409);
    expect(res.text).not.toContain('id="refusal"');
    expect(articleOf(res.text, held.id)).toContain(
      `De sessie van groep ${held.groupId} is al begonnen: er gaan geen uitnodigingen meer voor uit.`,
    );
    expect(await mails()).toBe(mailsBefore);
    await expectNothingChanged();
  });

  it('invites, for the whole study, only the sessions that have not begun', async () => {
    const res = await agent
      .post(`/api/studies/${study.slug}/invitations`)
      .set('x-csrf-token', csrf)
      .send({})
      .expect(200);
    expect(res.body.map((r: { groupId: number }) => r.groupId)).toEqual([waiting.groupId]);
    const invited = await t.dataSource.getRepository(Invitation).findBy({ sessionId: held.id });
    expect(invited).toEqual([]);
  });

  it('gives the place of someone who declines after the session began to no reserve, and mails nobody', async () => {
    const mailsBefore = await mails();
    await anonymousAgent(t.app).post(`/c/${LATE_TOKEN}/decline`).expect(303);
    const invitation = await t.dataSource
      .getRepository(Invitation)
      .findOneByOrFail({ tokenHash: hashToken(LATE_TOKEN) });
    expect(invitation.status).toBe('declined');
    const reserve = await t.dataSource
      .getRepository(GroupMember)
      .findOneByOrFail({ respondentId: declining.reserves[0].id });
    expect(reserve.role).toBe('reserve');
    expect(await mails()).toBe(mailsBefore);
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
