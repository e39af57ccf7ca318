import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { LEASE_MS } from '../../src/mail/outbox-policy';
import { OutboxService } from '../../src/mail/outbox.service';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { enqueueMail } from '../support/outbox-factories';
import { killWorkerProcesses, startWorkerProcess } from '../support/outbox-processes';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

// Workers as separate processes (separate application instances) on one database and one SMTP server.
describe('outbox workers as separate processes', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let outbox: OutboxService;

  beforeAll(async () => {
    smtp = await startSmtpServer({ delayMs: 5 });
    t = await createTestApp({ smtpUrl: smtp.url });
    outbox = t.app.get(OutboxService);
  });
  afterEach(() => killWorkerProcesses());
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM outbox_message');
    smtp.received.length = 0;
  });

  const byId = (id: number) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });

  it('sends nothing twice after a crash between sending and recording', async () => {
    const [a, b, c] = await inTransaction(t, async () => [
      await enqueueMail(outbox),
      await enqueueMail(outbox),
      await enqueueMail(outbox),
    ]);

    const crashing = startWorkerProcess(t.config, { OUTBOX_TEST_CRASH_AFTER_SEND: '1' });
    await crashing.ready;
    crashing.go();
    const crashed = await crashing.done;
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.result).toBeNull();
    expect(smtp.received.map((r) => r.messageId)).toEqual([a.messageId]);
    expect(await byId(a.id)).toMatchObject({ status: 'sending', attempts: 1 });

    // The restarted instance sends the rest but leaves the interrupted message alone.
    const restarted = startWorkerProcess(t.config);
    await restarted.ready;
    restarted.go();
    const after = await restarted.done;
    expect(after.stderr).toBe('');
    expect(after.result).toMatchObject({ sent: 2, unknown: 0 });

    // Once the dead worker's lease has run out, the message is "unknown" for a person to decide, not resent.
    const worker = t.app.get(OutboxWorker);
    worker.clock = () => new Date(Date.now() + LEASE_MS + 60_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, expiredLeases: 1 });
    expect(await byId(a.id)).toMatchObject({ status: 'unknown' });
    expect(await byId(b.id)).toMatchObject({ status: 'sent' });
    expect(await byId(c.id)).toMatchObject({ status: 'sent' });
    const counts = smtp.countsByMessageId();
    expect(smtp.received).toHaveLength(3);
    expect([counts.get(a.messageId), counts.get(b.messageId), counts.get(c.messageId)]).toEqual([1, 1, 1]);
  });

  it('two workers on one database send each of 50 messages exactly once', async () => {
    const messages = await inTransaction(t, async () => {
      const out: OutboxMessage[] = [];
      for (let i = 0; i < 50; i++) out.push(await enqueueMail(outbox));
      return out;
    });
    const workers = [startWorkerProcess(t.config), startWorkerProcess(t.config)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const results = await Promise.all(workers.map((w) => w.done));
    for (const r of results) expect(r.stderr).toBe('');
    const sentPerWorker = results.map((r) => r.result?.sent ?? 0);
    expect(sentPerWorker[0] + sentPerWorker[1]).toBe(50);
    // Both really worked at the same time.
    expect(Math.min(...sentPerWorker)).toBeGreaterThan(0);

    const counts = smtp.countsByMessageId();
    expect(smtp.received).toHaveLength(50);
    for (const m of messages) expect(counts.get(m.messageId)).toBe(1);
    const rows = await t.dataSource.getRepository(OutboxMessage).find();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.claimedBy)).size).toBe(2);
  });
});
