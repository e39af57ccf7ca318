import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxService } from '../../src/mail/outbox.service';
import { createOrganisation, createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { enqueueMail } from '../support/outbox-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

describe('outbox API and page', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let failed: OutboxMessage;
  let sent: OutboxMessage;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    const { study } = await createStudy(t.dataSource, { title: 'Outbox study' });
    const outbox = t.app.get(OutboxService);
    [failed, sent] = await inTransaction(t, async () => [
      await enqueueMail(outbox, { studyId: study.id, to: 'failed@example.org', subject: 'Could not be sent' }),
      await enqueueMail(outbox, { studyId: study.id, to: 'sent@example.org', subject: 'Went fine' }),
    ]);
    const repo = t.dataSource.getRepository(OutboxMessage);
    await repo.update(failed.id, { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' });
    await repo.update(sent.id, { status: 'sent', attempts: 1, sentAt: new Date() });
  });
  afterAll(() => t.close());

  it('lists every message with status and study, filtered by status', async () => {
    const all = await agent.get('/api/outbox').expect(200);
    expect(all.body).toMatchObject({ total: 2, offset: 0, limit: 50 });
    expect(all.body.items.map((m: { id: number }) => m.id)).toEqual([sent.id, failed.id]);
    expect(all.body.items[1]).toMatchObject({
      status: 'failed',
      toAddress: 'failed@example.org',
      studyTitle: 'Outbox study',
      lastError: '550 Mailbox unavailable',
    });
    expect(all.body.items[1]).not.toHaveProperty('textBody');
    const onlyFailed = await agent.get('/api/outbox?status=failed').expect(200);
    expect(onlyFailed.body.items).toHaveLength(1);
    await agent.get('/api/outbox?status=lost').expect(400);
    expect((await agent.get('/api/outbox?status=').expect(200)).body.items).toHaveLength(2);
  });

  it('retries a failed message and refuses to resend a sent one', async () => {
    await agent.post(`/api/outbox/${failed.id}/retry`).expect(403); // no CSRF token
    const retried = await agent.post(`/api/outbox/${failed.id}/retry`).set('x-csrf-token', csrf).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    const refused = await agent.post(`/api/outbox/${sent.id}/retry`).set('x-csrf-token', csrf).expect(409);
    expect(refused.body).toMatchObject({ code: 'outbox.not_retryable' });
    await agent.post('/api/outbox/999999/retry').set('x-csrf-token', csrf).expect(404);
  });

  it('shows the outbox page with a retry button for failed messages only, and retries from the form', async () => {
    await t.dataSource.getRepository(OutboxMessage).update(failed.id, { status: 'failed' });
    const page = await agent.get('/outbox').expect(200);
    expect(page.text).toContain('<h1>Uitgaande e-mail</h1>');
    expect(page.text).toContain('failed@example.org');
    expect(page.text).toContain('Mislukt');
    // The test app has no SMTP_URL: the page says in Dutch that nothing leaves and what to set.
    expect(page.text).toContain('Stel SMTP_URL in om ze te versturen.');
    expect(page.text).toContain(`action="/outbox/${failed.id}/retry"`);
    expect(page.text).not.toContain(`action="/outbox/${sent.id}/retry"`);
    expect(page.text).toContain('href="/outbox" aria-current="page"');
    const posted = await agent.post(`/outbox/${failed.id}/retry`).type('form').send({ _csrf: csrf }).expect(303);
    expect(posted.headers.location).toBe('/outbox');
    const after = await agent.get('/outbox?lang=en').expect(200);
    expect(after.text).toContain('The message is ready to be sent again.');
    expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: failed.id })).status).toBe('pending');
  });

  it('is for staff only', async () => {
    const org = await createOrganisation(t.dataSource);
    const partner = await createUser(t.dataSource, { role: 'partner', organisationId: org.id });
    const { agent: partnerAgent } = await loginAgent(t.app, partner.email, partner.password);
    await partnerAgent.get('/api/outbox').expect(403);
    await partnerAgent.get('/outbox').expect(403);
  });
});
