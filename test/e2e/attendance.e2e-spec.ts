import { mkdtempSync } from 'fs';
import { join } from 'path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { RespondentStatusChange } from '../../src/respondents/respondent-status-change.entity';
import { Attendance } from '../../src/scheduling/attendance.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { Study } from '../../src/studies/study.entity';
import { runCli } from '../support/cli';
import { createRespondent, createUser } from '../support/factories';
import { createScheduledGroup, HomeworkFixture } from '../support/homework-factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';

describe('attendance: marking who came to a session', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let held: HomeworkFixture;

  const statuses = async (rs: Respondent[]) =>
    (await t.dataSource.getRepository(Respondent).findBy(rs.map((r) => ({ id: r.id }))))
      .sort((a, b) => a.id - b.id)
      .map((r) => r.status);
  const post = (sessionId: number, body: object) =>
    agent.post(`/api/sessions/${sessionId}/attendance`).set('x-csrf-token', csrf).send(body);
  const participants = async (slug: string) =>
    (await agent.get(`/api/studies/${slug}/overview`).expect(200)).body.totals.total as number;

  beforeAll(async () => {
    t = await createTestApp();
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password));
    // Started yesterday: it has taken place.
    held = await createScheduledGroup(t.dataSource, { members: 3, daysAhead: -1, invited: true });
  });
  afterAll(() => t?.close());

  it('present makes members participants, absent records a no-show; the overview then holds exactly the participants', async () => {
    const [ans, bert, cor] = held.members;
    expect(await participants(held.study.slug)).toBe(0);
    const res = await post(held.session.id, { present: [ans.id, bert.id], absent: [cor.id] }).expect(200);
    expect(res.body).toEqual({
      sessionId: held.session.id,
      groupId: held.group.id,
      present: [ans.id, bert.id],
      absent: [cor.id],
    });
    expect(await statuses(held.members)).toEqual(['participated', 'participated', 'confirmed']);
    expect(await participants(held.study.slug)).toBe(2);
    const event = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'attendance.mark', subjectId: String(held.session.id) });
    expect(event.details).toEqual({ groupId: held.group.id, present: [ans.id, bert.id], absent: [cor.id] });
    expect(event.actorEmail).toMatch(/@example\.org$/);
    const history = await t.dataSource.getRepository(RespondentStatusChange).findBy({ respondentId: ans.id });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([['confirmed', 'participated']]);
  });

  it('a mark can be corrected both ways, and marking the same again changes nothing', async () => {
    const [ans, , cor] = held.members;
    await post(held.session.id, { present: [cor.id], absent: [ans.id] }).expect(200);
    expect(await statuses(held.members)).toEqual(['confirmed', 'participated', 'participated']);
    await post(held.session.id, { present: [cor.id] }).expect(200);
    expect(await statuses(held.members)).toEqual(['confirmed', 'participated', 'participated']);
    expect(await t.dataSource.getRepository(Attendance).countBy({ sessionId: held.session.id })).toBe(3);
    expect(await participants(held.study.slug)).toBe(2);
  });

  describe('refusals change nothing', () => {
    let before: { statuses: string[]; marks: Attendance[] };
    beforeEach(async () => {
      before = {
        statuses: await statuses(held.members),
        marks: await t.dataSource.getRepository(Attendance).find({ order: { id: 'ASC' } }),
      };
    });
    afterEach(async () => {
      expect(await statuses(held.members)).toEqual(before.statuses);
      expect(await t.dataSource.getRepository(Attendance).find({ order: { id: 'ASC' } })).toEqual(before.marks);
    });

    it('the same respondent in both lists', async () => {
      const res = await post(held.session.id, { present: [held.members[0].id], absent: [held.members[0].id] }).expect(
        400,
      );
      expect(res.body).toMatchObject({
        code: 'attendance.in_both',
        message: expect.stringContaining('tegelijk aanwezig en afwezig'),
      });
    });

    it('someone who is not a member of the group', async () => {
      const stranger = await createRespondent(t.dataSource, held.study.id, held.group.organisationId, {
        status: 'confirmed',
      });
      const res = await post(held.session.id, { present: [held.members[0].id, stranger.id] }).expect(400);
      expect(res.body).toMatchObject({ code: 'attendance.not_members', details: { respondentIds: [stranger.id] } });
    });

    it('nothing to mark, and malformed lists', async () => {
      expect((await post(held.session.id, {}).expect(400)).body.code).toBe('attendance.empty');
      expect((await post(held.session.id, { present: ['x'] }).expect(400)).body.code).toBe('validation.failed');
      expect((await post(held.session.id, { present: [1], extra: true }).expect(400)).body.code).toBe(
        'validation.failed',
      );
    });

    it('a session that has not taken place yet', async () => {
      const ahead = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: 7, invited: true });
      const res = await post(ahead.session.id, { present: [ahead.members[0].id] }).expect(409);
      expect(res.body.code).toBe('attendance.not_held');
      expect(await statuses(ahead.members)).toEqual(['confirmed', 'confirmed']);
    });

    it('a cancelled session, a closed study, an unknown session', async () => {
      const cancelled = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -2, invited: true });
      await t.dataSource.getRepository(ScheduledSession).update(cancelled.session.id, { status: 'cancelled' });
      expect((await post(cancelled.session.id, { present: [cancelled.members[0].id] }).expect(409)).body.code).toBe(
        'attendance.session_cancelled',
      );
      const closed = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -2, invited: true });
      await t.dataSource.getRepository(Study).update(closed.study.id, { status: 'closed' });
      expect((await post(closed.session.id, { present: [closed.members[0].id] }).expect(409)).body.code).toBe(
        'attendance.study_closed',
      );
      expect(await statuses([...cancelled.members, ...closed.members])).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'confirmed',
      ]);
      await post(999_999, { present: [1] }).expect(404);
    });
  });

  describe('a member who was never invited to the session', () => {
    let fx: HomeworkFixture;
    let newcomer: Respondent;
    let byPhone: Respondent;
    let url: string;
    const join = async (overrides: Parameters<typeof createRespondent>[3]) => {
      const r = await createRespondent(t.dataSource, fx.study.id, fx.group.organisationId, {
        status: 'grouped',
        quadrant: fx.group.quadrant,
        ...overrides,
      });
      const position = await t.dataSource.getRepository(GroupMember).countBy({ groupId: fx.group.id });
      await t.dataSource
        .getRepository(GroupMember)
        .insert({ studyId: fx.study.id, groupId: fx.group.id, respondentId: r.id, role: 'member', position });
      return r;
    };

    beforeAll(async () => {
      fx = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -1, invited: true });
      url = `/studies/${fx.study.slug}/sessions/${fx.session.id}/attendance`;
      // Put in the group by hand after the invitations went out: nobody sent them one.
      newcomer = await join({ firstName: 'Nieuw' });
      // No e-mail address: the invitations told the researchers to invite her by phone or letter.
      byPhone = await join({ firstName: 'Telefoon', email: null, contactPreference: 'phone', phone: '06 1234 5678' });
    });

    it('cannot be marked present (409) and nothing changes; absent is allowed, and a member invited by phone can come', async () => {
      const marksBefore = await t.dataSource.getRepository(Attendance).findBy({ sessionId: fx.session.id });
      const refused = await post(fx.session.id, { present: [fx.members[0].id, newcomer.id] }).expect(409);
      expect(refused.body).toMatchObject({
        code: 'attendance.not_invited',
        details: { respondentIds: [newcomer.id] },
        message: expect.stringContaining('niet uitgenodigd voor deze sessie'),
      });
      expect(await statuses([...fx.members, newcomer])).toEqual(['confirmed', 'confirmed', 'grouped']);
      expect(await t.dataSource.getRepository(Attendance).findBy({ sessionId: fx.session.id })).toEqual(marksBefore);

      await post(fx.session.id, { present: [fx.members[0].id, byPhone.id], absent: [newcomer.id] }).expect(200);
      expect(await statuses([...fx.members, newcomer, byPhone])).toEqual([
        'participated',
        'confirmed',
        'grouped',
        'participated',
      ]);
    });

    it('is shown as not invited on the page, without a “present” choice, and a forged one is refused at the form', async () => {
      const page = await agent.get(`${url}?lang=nl`).expect(200);
      const fieldset = new RegExp(`<legend>Nieuw[\\s\\S]*?</fieldset>`).exec(page.text)![0];
      expect(fieldset).toContain('niet uitgenodigd voor deze sessie');
      expect(fieldset).toMatch(new RegExp(`name="mark-${newcomer.id}" value="present" disabled`));
      expect(fieldset).not.toMatch(new RegExp(`name="mark-${newcomer.id}" value="absent"[^>]* disabled`));
      const forged = await agent
        .post(url)
        .type('form')
        .send({ _csrf: csrf, [`mark-${newcomer.id}`]: 'present' })
        .expect(409);
      expect(forged.text).toContain('Wie niet voor deze sessie is uitgenodigd, kan niet als aanwezig gemeld worden.');
      expect(await statuses([newcomer])).toEqual(['grouped']);
    });
  });

  it('the page shows each member with a choice, saves, and re-shows a refusal in the reader language', async () => {
    const fx = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -1, invited: true });
    const url = `/studies/${fx.study.slug}/sessions/${fx.session.id}/attendance`;
    const page = await agent.get(`${url}?lang=en`).expect(200);
    expect(page.text).toContain('<h1>Attendance</h1>');
    expect(page.text).toContain(`name="mark-${fx.members[0].id}" value="present"`);
    const saved = await agent
      .post(url)
      .type('form')
      .send({ _csrf: csrf, [`mark-${fx.members[0].id}`]: 'present', [`mark-${fx.members[1].id}`]: 'absent' })
      .expect(303);
    expect(saved.headers.location).toBe(url);
    expect(await statuses(fx.members)).toEqual(['participated', 'confirmed']);
    const after = await agent.get(`${saved.headers.location}?lang=nl`).expect(200);
    expect(after.text).toContain('De aanwezigheid is opgeslagen.');
    expect(after.text).toMatch(new RegExp(`name="mark-${fx.members[1].id}" value="absent" checked`));
    const refused = await agent.post(url).type('form').send({ _csrf: csrf }).expect(400);
    expect(refused.text).toContain('Kies bij minstens één deelnemer');
    const otherStudy = await createScheduledGroup(t.dataSource, { members: 1, daysAhead: -1, invited: true });
    await agent.get(`/studies/${fx.study.slug}/sessions/${otherStudy.session.id}/attendance`).expect(404);
  });

  it('kwadrant attendance marks by e-mail address, and names addresses that are not in the group', async () => {
    const fx = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -1, invited: true });
    const db = t.config.database;
    const env = {
      DATA_DIR: mkdtempSync(join(runDir(), 'cli-')),
      DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
    };
    const [a, b] = fx.members;
    const refused = await runCli(
      [
        'attendance',
        '--study',
        fx.study.slug,
        '--group',
        String(fx.group.id),
        '--present',
        a.email!,
        'nobody@example.org',
      ],
      env,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('nobody@example.org');
    expect(await statuses(fx.members)).toEqual(['confirmed', 'confirmed']);
    const ok = await runCli(
      [
        'attendance',
        '--study',
        fx.study.slug,
        '--group',
        String(fx.group.id),
        '--present',
        a.email!.toUpperCase(),
        '--absent',
        b.email!,
      ],
      env,
    );
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain(`Group ${fx.group.id}: 1 present, 1 absent.`);
    expect(await statuses(fx.members)).toEqual(['participated', 'confirmed']);
  });
});
