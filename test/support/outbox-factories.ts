import type { OutboxMessage } from '../../src/mail/outbox-message.entity';
import type { NewMail, OutboxService } from '../../src/mail/outbox.service';

let counter = 0;

/** A plain notice; like every enqueue, it must run inside a transaction (inTransaction in test-app.ts). */
export function enqueueMail(outbox: OutboxService, overrides: Partial<NewMail> = {}): Promise<OutboxMessage> {
  const n = ++counter;
  return outbox.enqueue({
    idempotencyKey: `test:mail:${n}:${Date.now()}`,
    kind: 'notice',
    to: `person${n}@example.org`,
    subject: `Message ${n}`,
    text: `Body of message ${n}\n`,
    ...overrides,
  });
}
