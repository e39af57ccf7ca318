import { readdirSync } from 'fs';
import { join } from 'path';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxService } from '../../src/mail/outbox.service';
import { runCli } from '../support/cli';
import { enqueueMail } from '../support/outbox-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

describe('kwadrant outbox commands', () => {
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ smtpUrl: undefined });
    const db = t.config.database;
    env = {
      DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
      DATA_DIR: t.config.dataDir,
      SESSION_SECRET: t.config.sessionSecret,
    };
  });
  afterAll(() => t.close());

  it('sends one pass into .eml files, lists the result and refuses to retry a sent message', async () => {
    const msg = await inTransaction(t, () => enqueueMail(t.app.get(OutboxService), { to: 'cli@example.org' }));
    const send = await runCli(['outbox', 'send'], env);
    expect(send.code).toBe(0);
    expect(JSON.parse(send.stdout)).toMatchObject({ sent: 1, remaining: { pending: 0, sent: 1 } });
    expect(readdirSync(join(t.config.dataDir, 'outbox'))).toHaveLength(1);

    const list = await runCli(['outbox', 'list', '--format', 'json'], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id: msg.id, toAddress: 'cli@example.org', status: 'sent' }),
    ]);

    const retry = await runCli(['outbox', 'retry', String(msg.id)], env);
    expect(retry.code).toBe(1);
    expect(retry.stderr).toContain('only failed or unknown messages can be sent again');
    expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: msg.id })).status).toBe('sent');
  });
});
