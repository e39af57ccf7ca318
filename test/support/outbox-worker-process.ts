// A second application instance for the outbox tests, run as its own process:
//   node -r ./bench/register.js test/support/outbox-worker-process.ts
// It boots the real application (DATABASE_URL, SMTP_URL, DATA_DIR from the environment, no background loop),
// prints "ready", waits for "go" on stdin, runs one worker pass and prints the result as JSON.
// OUTBOX_TEST_CRASH_AFTER_SEND=1 kills the process (SIGKILL, no clean-up) right after the SMTP server
// accepted the first message and before the worker can record it.
import 'reflect-metadata';
import { createInterface } from 'readline';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { resolveConfig } from '../../src/config/resolve-config';
import { MAIL_TRANSPORT, MailTransport } from '../../src/mail/mail-transport';
import { OutboxWorker } from '../../src/mail/outbox.worker';

async function main(): Promise<void> {
  const config = resolveConfig({ ...process.env, MAIL_WORKER: 'off', LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
  if (process.env.OUTBOX_TEST_CRASH_AFTER_SEND === '1') {
    const transport = app.get<MailTransport>(MAIL_TRANSPORT);
    const send = transport.send.bind(transport);
    transport.send = async (mail) => {
      await send(mail);
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    };
  }
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  const result = await app.get(OutboxWorker).runOnce();
  process.stdout.write(JSON.stringify(result) + '\n');
  await app.close();
  // stdin stays open as long as the parent holds it; the work is done.
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
