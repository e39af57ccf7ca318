import { MigrationInterface, QueryRunner, TableCheck } from 'typeorm';

/**
 * An outbox message can be cancelled: the worker does not send a queued mail of a study that was closed
 * meanwhile, and marks it so on the outbox page instead.
 */
export class OutboxCancelled1795440100000 implements MigrationInterface {
  name = 'OutboxCancelled1795440100000';

  async up(q: QueryRunner): Promise<void> {
    await replaceStatusCheck(q, "status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'cancelled')");
  }

  async down(q: QueryRunner): Promise<void> {
    // The earlier schema has no word for a cancelled mail: it stays unsent, as failed, with its reason.
    await q.query(`UPDATE outbox_message SET status = 'failed' WHERE status = 'cancelled'`);
    await replaceStatusCheck(q, "status IN ('pending', 'sending', 'sent', 'failed', 'unknown')");
  }
}

async function replaceStatusCheck(q: QueryRunner, expression: string): Promise<void> {
  await q.dropCheckConstraint('outbox_message', 'ck_outbox_message_status');
  await q.createCheckConstraint('outbox_message', new TableCheck({ name: 'ck_outbox_message_status', expression }));
}
