import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, int, text, timestamp } from './columns.v1';

export class Outbox1795433400000 implements MigrationInterface {
  name = 'Outbox1795433400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          id(),
          text('idempotency_key', { length: 200 }),
          // No foreign key: the outbox is a record of what was sent, and it outlives a deleted study.
          int('study_id', { nullable: true }),
          text('kind', { length: 50 }),
          text('to_address', { length: 254 }),
          text('subject', { length: 300 }),
          text('text_body'),
          text('html_body', { nullable: true }),
          text('attachments', { nullable: true }),
          text('message_id', { length: 200 }),
          text('status', { length: 20, default: 'pending' }),
          int('attempts', { default: 0 }),
          timestamp(q, 'next_attempt_at', { defaultNow: true }),
          text('claimed_by', { length: 100, nullable: true }),
          timestamp(q, 'claimed_until', { nullable: true }),
          text('last_error', { nullable: true }),
          timestamp(q, 'sent_at', { nullable: true }),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        uniques: [
          { name: 'uq_outbox_message_idempotency_key', columnNames: ['idempotency_key'] },
          { name: 'uq_outbox_message_message_id', columnNames: ['message_id'] },
        ],
        checks: [
          {
            name: 'ck_outbox_message_status',
            expression: "status IN ('pending', 'sending', 'sent', 'failed', 'unknown')",
          },
        ],
        indices: [
          // The worker's two questions: what is due, and whose lease ran out.
          { name: 'ix_outbox_message_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'ix_outbox_message_study', columnNames: ['study_id', 'created_at'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outbox_message');
  }
}
