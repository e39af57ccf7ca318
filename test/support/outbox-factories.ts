import type { EntityManager } from 'typeorm';
import type { OutboxMessage } from '../../src/mail/outbox-message.entity';
import type { NewMail, OutboxService } from '../../src/mail/outbox.service';

let counter = 0;

/** A plain notice, enqueued in its own transaction (or the one given). */
export async function enqueueMail(outbox: OutboxService, manager: EntityManager, overrides: Partial<NewMail> = {}): Promise<OutboxMessage> {
  const n = ++counter;
  return outbox.enqueue(
    { idempotencyKey: `test:mail:${n}:${Date.now()}`, kind: 'notice', to: `person${n}@example.org`, subject: `Message ${n}`, text: `Body of message ${n}\n`, ...overrides },
    manager,
  );
}
