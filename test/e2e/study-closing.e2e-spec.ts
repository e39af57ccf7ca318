import { existsSync } from 'fs';
import { join } from 'path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { emlFileName } from '../../src/mail/mail-transport';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxService } from '../../src/mail/outbox.service';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { Study } from '../../src/studies/study.entity';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { anonymousAgent, loginAgent } from '../support/http';
import { enqueueMail } from '../support/outbox-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

// Closing a study is a change of its settings that mail and homework must follow: mail still waiting is not sent
// and homework links close. Both keep their own record of it, written in the same change by study-flow, and
// reopening the study undoes it (mail cancelled meanwhile stays cancelled, an erased respondent's link stays closed).
describe('closing and reopening a study', () => {
  let t: TestApp;
  let fx: HomeworkFixture;
  let researcher: Awaited<ReturnType<typeof loginAgent>>;
  let letters: OutboxMessage[];

  const draft = (token: string, revision: number) =>
    anonymousAgent(t.app)
      .put(`/api/homework/${token}/draft`)
      .send({ revision, data: { firstName: `rev ${revision}` } });
  const setStatus = (status: string) =>
    researcher.agent
      .patch(`/api/studies/${fx.study.slug}`)
      .set('x-csrf-token', researcher.csrf)
      .send({ status })
      .expect(200);
  const eml = (m: OutboxMessage) => join(t.config.dataDir, 'outbox', emlFileName(m.messageId));

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createScheduledGroup(t.dataSource, { members: 2 });
    researcher = await loginAgent(t.app, fx.lead.email, fx.lead.password);
    await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/send`)
      .set('x-csrf-token', researcher.csrf)
      .expect(200);
    letters = await t.dataSource.getRepository(OutboxMessage).findBy({ studyId: fx.study.id, status: 'pending' });
    expect(letters).toHaveLength(2);
  });
  afterAll(() => t?.close());

  it('closing it on the settings page holds its waiting mail and closes its homework links', async () => {
    const { token, code } = await credentialsOf(t, fx.members[0].id);
    await draft(token, 0).expect(200);

    await researcher.agent
      .post(`/studies/${fx.study.slug}`)
      .type('form')
      .send({ _csrf: researcher.csrf, status: 'closed' })
      .expect(303);

    const api = anonymousAgent(t.app);
    const refused = await api.get(`/api/homework/${token}`).expect(410);
    expect(refused.body).toMatchObject({ code: 'homework.study-closed', details: { helpPhone: '030 111 22 33' } });
    const page = await api.get(`/h/${token}`).set('Accept', 'text/html').expect(410);
    expect(page.text).toContain('030 111 22 33');
    await draft(token, 1).expect(410);
    await api.get(`/api/homework/${code}`).expect(410);
    expect((await credentialsOf(t, fx.members[0].id)).assignment.revision).toBe(1);

    const pass = await t.app.get(OutboxWorker).runOnce();
    expect(pass).toMatchObject({ sent: 0, cancelled: 2 });
    for (const letter of letters) {
      expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: letter.id })).status).toBe(
        'cancelled',
      );
      expect(existsSync(eml(letter))).toBe(false);
    }
    const audit = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'study.update', studyId: fx.study.id });
    expect(audit.map((e) => e.details)).toEqual([{ changed: ['status'] }]);
  });

  it('keeps mail held and links closed through a change that leaves it closed', async () => {
    await researcher.agent
      .patch(`/api/studies/${fx.study.slug}`)
      .set('x-csrf-token', researcher.csrf)
      .send({ title: 'Afgesloten onderzoek' })
      .expect(200);
    const { token } = await credentialsOf(t, fx.members[0].id);
    await draft(token, 1).expect(410);
    const later = await inTransaction(t, () => enqueueMail(t.app.get(OutboxService), { studyId: fx.study.id }));
    expect(await t.app.get(OutboxWorker).runOnce()).toMatchObject({ sent: 0, cancelled: 1 });
    expect(existsSync(eml(later))).toBe(false);
  });

  it("reopening it sends new mail and opens the links again, except an erased respondent's", async () => {
    await researcher.agent
      .post(`/api/studies/${fx.study.slug}/respondents/${fx.members[1].id}/erase`)
      .set('x-csrf-token', researcher.csrf)
      .expect(200);
    await setStatus('fieldwork');

    const open = await credentialsOf(t, fx.members[0].id);
    await anonymousAgent(t.app).get(`/api/homework/${open.token}`).expect(200);
    await draft(open.token, 1).expect(200);
    const erased = await credentialsOf(t, fx.members[1].id);
    const gone = await anonymousAgent(t.app).get(`/api/homework/${erased.token}`).expect(410);
    expect(gone.body.code).toBe('homework.erased');
    await draft(erased.token, 0).expect(410);

    const fresh = await inTransaction(t, () => enqueueMail(t.app.get(OutboxService), { studyId: fx.study.id }));
    expect(await t.app.get(OutboxWorker).runOnce()).toMatchObject({ sent: 1, cancelled: 0 });
    expect(existsSync(eml(fresh))).toBe(true);
    // What was cancelled while it was closed stays cancelled: its moment has passed.
    for (const letter of letters)
      expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: letter.id })).status).toBe(
        'cancelled',
      );

    // Closing it a second time closes the links again.
    await setStatus('closed');
    await draft(open.token, 2).expect(410);
  });

  it('refuses to create a study that is closed already, and creates nothing', async () => {
    const res = await researcher.agent
      .post('/api/studies')
      .set('x-csrf-token', researcher.csrf)
      .send({ slug: 'meteen-dicht', title: 'Meteen gesloten', status: 'closed' })
      .expect(400);
    expect(res.body.code).toBe('validation.failed');
    expect(res.body.details).toHaveProperty('status');
    expect(await t.dataSource.getRepository(Study).countBy({ slug: 'meteen-dicht' })).toBe(0);
  });
});
