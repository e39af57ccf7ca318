import { existsSync } from 'fs';
import { join } from 'path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { FocusGroup } from '../../src/groups/group.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { emlFileName } from '../../src/mail/mail-transport';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxService } from '../../src/mail/outbox.service';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { Respondent } from '../../src/respondents/respondent.entity';
import { createRespondent, createStudy, createUser, StudyFixture } from '../support/factories';
import { createBucket, MIXED } from '../support/groups-factories';
import { Agent, loginAgent } from '../support/http';
import { enqueueMail } from '../support/outbox-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

// A closed study is a record of what happened: its groups no longer change by hand, nobody is moved up from
// the reserves, and mail still waiting when it closed is cancelled by the worker instead of sent.
describe('a closed study', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fx: StudyFixture;
  let groups: { id: number; members: { respondentId: number }[]; reserves: { respondentId: number }[] }[];
  let outsider: Respondent;

  const post = (url: string, body: object = {}) => agent.post(url).set('x-csrf-token', csrf).send(body);
  /** Everything a refused change must leave as it was. */
  const snapshot = async () => ({
    groups: (
      await t.dataSource.getRepository(FocusGroup).find({ where: { studyId: fx.study.id }, order: { id: 'ASC' } })
    ).map((g) => [g.id, g.status]),
    members: (
      await t.dataSource.getRepository(GroupMember).find({ where: { studyId: fx.study.id }, order: { id: 'ASC' } })
    ).map((m) => [m.respondentId, m.groupId, m.role]),
    statuses: (
      await t.dataSource.getRepository(Respondent).find({ where: { studyId: fx.study.id }, order: { id: 'ASC' } })
    ).map((r) => [r.id, r.status]),
    audit: await t.dataSource.getRepository(AuditEvent).countBy({ studyId: fx.study.id }),
  });

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    fx = await createStudy(
      t.dataSource,
      { slug: 'gesloten', groupsPerQuadrant: 2, reservesPerGroup: 1 },
      { organisations: ['RET'] },
    );
    await createBucket(t.dataSource, fx.study.id, fx.organisations[0].id, 'gemakzoeker', [
      ...MIXED,
      ...MIXED,
      MIXED[0],
      MIXED[1],
    ]);
    await post('/api/studies/gesloten/groups/form').expect(200);
    groups = (await agent.get('/api/studies/gesloten/groups').expect(200)).body.groups;
    expect(groups.map((g) => g.reserves.length)).toEqual([1, 1]);
    outsider = await createRespondent(t.dataSource, fx.study.id, fx.organisations[0].id, {
      quadrant: 'gemakzoeker',
      ...MIXED[2],
      age: '70',
      ageMin: 70,
      ageMax: 70,
    });
    await post('/studies/gesloten', { status: 'closed' }).expect(303);
  });
  afterAll(() => t.close());

  it('refuses every manual group change with 409 study.closed, changing nothing and auditing nothing', async () => {
    const before = await snapshot();
    const [g1, g2] = groups;
    const member = g1.members[0].respondentId;
    const reserve = g1.reserves[0].respondentId;
    const attempts: [string, object][] = [
      [`/api/groups/${g1.id}/members`, { respondentId: outsider.id }],
      [`/api/groups/${g1.id}/members/${member}/move`, { groupId: g2.id }],
      [`/api/groups/${g1.id}/members/${member}/swap`, { respondentId: g2.members[0].respondentId }],
      [`/api/groups/${g1.id}/members/${reserve}/promote`, { replaceRespondentId: member }],
      [`/api/groups/${g1.id}/confirm`, {}],
      [`/api/groups/${g1.id}/lock`, {}],
      [`/api/groups/${g1.id}/dissolve`, {}],
      ['/api/studies/gesloten/groups/form', {}],
    ];
    for (const [url, body] of attempts) {
      const res = await post(url, body);
      expect([url, res.status, res.body.code]).toEqual([url, 409, 'study.closed']);
      expect(res.body.message).toMatch(/gesloten/);
    }
    const removed = await agent.delete(`/api/groups/${g1.id}/members/${member}`).set('x-csrf-token', csrf).expect(409);
    expect(removed.body.code).toBe('study.closed');
    expect(await snapshot()).toEqual(before);
  });

  it("says so on the groups page in the reader's language when a form posts a change", async () => {
    const before = await snapshot();
    const [g1] = groups;
    // A refused page form is answered with its page again, not a redirect (one way to answer a form).
    const page = await agent
      .post(`/studies/gesloten/groups/${g1.id}/confirm`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(409);
    expect(page.text).toContain('Dit onderzoek is afgesloten. De groepen kunnen niet meer veranderen.');
    expect(page.text).toContain('id="refusal"');
    const english = await agent
      .post(`/studies/gesloten/groups/${g1.id}/members/${g1.reserves[0].respondentId}/promote?lang=en`)
      .type('form')
      .send({ _csrf: csrf, replaceRespondentId: g1.members[0].respondentId })
      .expect(409);
    expect(english.text).toContain('This study is closed. Its groups can no longer change.');
    // The page offers no changes any more.
    expect(english.text).toContain('id="groups-closed"');
    expect(english.text).not.toMatch(/action="[^"]*\/(confirm|lock|dissolve|move|promote|add)"/);
    expect(await snapshot()).toEqual(before);
    await agent.get('/studies/gesloten/groups?lang=nl').expect(200); // the language choice is remembered: back to Dutch
  });

  it("refuses the dashboard's bulk confirmation too", async () => {
    const before = await snapshot();
    const res = await post('/studies/gesloten/actions/confirm-groups', { confirm: 'yes' })
      .set('accept', 'text/html')
      .expect(409);
    expect(res.text).toContain('Dit onderzoek is gesloten');
    expect(await snapshot()).toEqual(before);
  });

  it('has the outbox worker cancel its waiting mail instead of sending it, and shows why on the outbox page', async () => {
    const outbox = t.app.get(OutboxService);
    const { study: open } = await createStudy(t.dataSource, { slug: 'nog-open' });
    const [closedMail, openMail, noStudy] = await inTransaction(t, async () => [
      await enqueueMail(outbox, { studyId: fx.study.id, to: 'lid@example.org', subject: 'Uitnodiging gesloten' }),
      await enqueueMail(outbox, { studyId: open.id, to: 'ander@example.org', subject: 'Uitnodiging open' }),
      await enqueueMail(outbox, { studyId: null, to: 'staf@example.org', subject: 'Los bericht' }),
    ]);
    const pass = await t.app.get(OutboxWorker).runOnce();
    expect(pass).toMatchObject({ sent: 2, cancelled: 1 });
    const repo = t.dataSource.getRepository(OutboxMessage);
    expect(await repo.findOneByOrFail({ id: closedMail.id })).toMatchObject({
      status: 'cancelled',
      sentAt: null,
      attempts: 0,
    });
    expect((await repo.findOneByOrFail({ id: openMail.id })).status).toBe('sent');
    expect((await repo.findOneByOrFail({ id: noStudy.id })).status).toBe('sent');
    const outboxDir = join(t.config.dataDir, 'outbox');
    expect(existsSync(join(outboxDir, emlFileName(closedMail.messageId)))).toBe(false);
    expect(existsSync(join(outboxDir, emlFileName(openMail.messageId)))).toBe(true);
    // A second pass leaves it cancelled; it is not offered for a retry.
    expect(await t.app.get(OutboxWorker).runOnce()).toMatchObject({ sent: 0, cancelled: 0 });

    const api = await agent.get('/api/outbox?status=cancelled').expect(200);
    expect(api.body.items.map((m: { id: number }) => m.id)).toEqual([closedMail.id]);
    const page = await agent.get('/outbox?status=cancelled&lang=nl').expect(200);
    expect(page.text).toContain('Geannuleerd');
    expect(page.text).toContain('Niet verstuurd: het onderzoek werd afgesloten voordat dit bericht weg was.');
    expect(page.text).not.toContain(`/outbox/${closedMail.id}/retry`);
    await post(`/api/outbox/${closedMail.id}/retry`).expect(409);
  });
});
