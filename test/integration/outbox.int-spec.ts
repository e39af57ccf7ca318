import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { simpleParser } from 'mailparser';
import { TransactionNotActiveError } from '@nestjs-cls/transactional';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditService } from '../../src/audit/audit.service';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { LEASE_MS } from '../../src/mail/outbox-policy';
import { OutboxRepository } from '../../src/mail/outbox.repository';
import { OutboxService } from '../../src/mail/outbox.service';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { createStudy, createUser } from '../support/factories';
import { enqueueMail } from '../support/outbox-factories';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

describe('outbox through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let outbox: OutboxService;
  let worker: OutboxWorker;
  let now: Date;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ smtpUrl: smtp.url, mailFrom: 'Onderzoek <onderzoek@kwadrant.example>' });
    outbox = t.app.get(OutboxService);
    worker = t.app.get(OutboxWorker);
    worker.clock = () => now;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM outbox_message');
    smtp.received.length = 0;
    smtp.rejectNext(0);
    // The worker's clock runs a second ahead, so messages enqueued during the test are due.
    now = new Date(Date.now() + 1000);
  });

  const row = (id: number) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });

  it('writes a message only with the change that causes it: both commit, or both roll back', async () => {
    const audit = t.app.get(AuditService);
    // A unit of work that changes something and writes the mail it causes; called inside another, it joins that one.
    const changeWithMail = (key: string) =>
      inTransaction(t, async () => {
        await audit.record({ actor: null, action: `test.${key}` });
        await enqueueMail(outbox, { idempotencyKey: key });
      });
    const failing = inTransaction(t, async () => {
      await changeWithMail('rolled-back');
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(0);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'test.rolled-back' })).toBe(0);
    await changeWithMail('committed');
    expect(await t.dataSource.getRepository(OutboxMessage).findBy({ idempotencyKey: 'committed' })).toHaveLength(1);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'test.committed' })).toBe(1);
  });

  it('refuses to write a message outside a transaction, where no change could take it back', async () => {
    await expect(Promise.resolve().then(() => enqueueMail(outbox, { idempotencyKey: 'loose' }))).rejects.toThrow(
      TransactionNotActiveError,
    );
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ idempotencyKey: 'loose' })).toBe(0);
  });

  it('treats a second enqueue with the same key as a no-op, also inside a transaction that continues', async () => {
    const first = await inTransaction(t, () =>
      enqueueMail(outbox, { idempotencyKey: 'invite:group:12:respondent:34:seq:1', subject: 'First' }),
    );
    const again = await inTransaction(t, async () => {
      const second = await enqueueMail(outbox, {
        idempotencyKey: 'invite:group:12:respondent:34:seq:1',
        subject: 'Second',
      });
      await enqueueMail(outbox, { idempotencyKey: 'after-the-duplicate' });
      return second;
    });
    expect(again.id).toBe(first.id);
    expect(again.subject).toBe('First');
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(2);
  });

  it('refuses an address that is not one e-mail address', async () => {
    await expect(
      inTransaction(t, () => enqueueMail(outbox, { to: 'a@example.org, b@example.org' })),
    ).rejects.toMatchObject({ code: 'outbox.invalid_address' });
  });

  it('sends with the stored Message-ID, text, HTML and a calendar attachment, and records it as sent', async () => {
    const { study } = await createStudy(t.dataSource);
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const msg = await inTransaction(t, () =>
      outbox.enqueueTemplate({
        idempotencyKey: 'notice:with-calendar',
        studyId: study.id,
        kind: 'notice',
        to: 'anna@example.org',
        template: 'notice',
        locale: 'nl',
        data: {
          subject: 'Uw afspraak & meer',
          name: 'Anna',
          paragraphs: ['Wij zien u graag <op> dinsdag.'],
          actionUrl: 'https://kwadrant.example/a',
          actionLabel: 'Bekijk de afspraak',
        },
        attachments: [
          {
            filename: 'afspraak.ics',
            contentType: 'text/calendar; method=REQUEST',
            content: Buffer.from(ics).toString('base64'),
          },
        ],
      }),
    );
    expect(msg.messageId).toMatch(/^<[0-9a-f]{32}@kwadrant\.example>$/);
    expect(await worker.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.messageId).toBe(msg.messageId);
    expect(mail.recipients).toEqual(['anna@example.org']);
    expect(mail.parsed.subject).toBe('Uw afspraak & meer');
    expect(mail.parsed.from?.text).toContain('onderzoek@kwadrant.example');
    expect(mail.parsed.text).toContain('Beste Anna,');
    expect(mail.parsed.text).toContain('Wij zien u graag <op> dinsdag.');
    expect(mail.parsed.text).toContain('Bekijk de afspraak: https://kwadrant.example/a');
    expect(mail.parsed.html).toContain('Wij zien u graag &lt;op&gt; dinsdag.');
    expect(mail.parsed.html).toContain('<html lang="nl">');
    const calendar = mail.parsed.attachments.find((a) => a.filename === 'afspraak.ics');
    expect(calendar?.contentType).toBe('text/calendar');
    expect(mail.raw.toString()).toMatch(/Content-Type: text\/calendar; method=REQUEST/);
    expect(calendar?.content.toString()).toBe(ics);
    const stored = await row(msg.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(stored.sentAt?.getTime()).toBe(now.getTime());
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries a rejected message after 1 minute, and only then', async () => {
    const msg = await inTransaction(t, () => enqueueMail(outbox));
    smtp.rejectNext(1, 451);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retryLater: 1 });
    let stored = await row(msg.id);
    expect(stored).toMatchObject({ status: 'pending', attempts: 1 });
    expect(stored.lastError).toContain('451');
    expect(stored.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    now = new Date(now.getTime() + 59_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retryLater: 0 });
    now = new Date(now.getTime() + 1_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    stored = await row(msg.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.countsByMessageId().get(msg.messageId)).toBe(1);
  });

  it('gives up after 5 attempts with the error, and a person can retry it', async () => {
    const msg = await inTransaction(t, () => enqueueMail(outbox, { studyId: null }));
    smtp.rejectNext(5, 421);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await worker.runOnce();
      const stored = await row(msg.id);
      if (stored.status === 'pending') waits.push((stored.nextAttemptAt.getTime() - now.getTime()) / 60_000);
      now = new Date(stored.nextAttemptAt.getTime());
    }
    expect(waits).toEqual([1, 5, 25, 125]);
    const failed = await row(msg.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.lastError).toContain('421');
    expect(smtp.received).toHaveLength(0);

    const researcher = await createUser(t.dataSource);
    await outbox.retry(msg.id, {
      id: researcher.id,
      email: researcher.email,
      name: researcher.name,
      role: 'researcher',
      organisationId: null,
    });
    expect(await row(msg.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(
      await t.dataSource.getRepository(AuditEvent).findBy({ action: 'outbox.retry', subjectId: String(msg.id) }),
    ).toHaveLength(1);
    now = new Date(Date.now() + 1000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.received[0].messageId).toBe(msg.messageId);
    await expect(outbox.retry(msg.id, null)).rejects.toMatchObject({ code: 'outbox.not_retryable' });
  });

  it('fails at once on a permanent rejection', async () => {
    const msg = await inTransaction(t, () => enqueueMail(outbox));
    smtp.rejectNext(1, 550);
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(await row(msg.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('never resends a claim whose worker stopped: after the lease it is unknown', async () => {
    const msg = await inTransaction(t, () => enqueueMail(outbox));
    const claimed = await t.app
      .get(OutboxRepository)
      .claimNextDue('stopped-worker', now, new Date(now.getTime() + LEASE_MS));
    expect(claimed?.id).toBe(msg.id);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, expiredLeases: 0 });
    now = new Date(now.getTime() + LEASE_MS + 1000);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, expiredLeases: 1 });
    const stored = await row(msg.id);
    expect(stored.status).toBe('unknown');
    expect(stored.lastError).toMatch(/may or may not have arrived/);
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a message whose SMTP server cannot be reached', async () => {
    const down = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:1' });
    try {
      const msg = await inTransaction(down, () => enqueueMail(down.app.get(OutboxService)));
      expect(await down.app.get(OutboxWorker).runOnce()).toMatchObject({ retryLater: 1 });
      expect(await down.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: msg.id })).toMatchObject({
        status: 'pending',
        attempts: 1,
      });
    } finally {
      await down.close();
    }
  });
});

describe('outbox without SMTP_URL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ smtpUrl: undefined });
  });
  afterAll(() => t?.close());

  it('writes each message as one .eml file in the data folder', async () => {
    const outbox = t.app.get(OutboxService);
    const msg = await inTransaction(t, () =>
      outbox.enqueueTemplate({
        idempotencyKey: 'eml:1',
        kind: 'notice',
        to: 'bob@example.org',
        template: 'notice',
        locale: 'en',
        data: { subject: 'Hello', paragraphs: ['See you soon.'] },
      }),
    );
    expect(await t.app.get(OutboxWorker).runOnce()).toMatchObject({ sent: 1 });
    const dir = join(t.config.dataDir, 'outbox');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(join(dir, files[0])));
    expect(parsed.messageId).toBe(msg.messageId);
    expect(parsed.subject).toBe('Hello');
    expect(parsed.text).toContain('Dear participant,');
    expect(parsed.text).toContain('See you soon.');
    expect(existsSync(join(dir, `${files[0]}.tmp`))).toBe(false);
    expect(await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: msg.id })).toMatchObject({
      status: 'sent',
    });
  });
});
