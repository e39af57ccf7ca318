import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Per-address request counts in fixed time windows (the public screener's limits), in the database so every app
 * instance counts the same requests. Columns are spelled out here rather than taken from shared helpers, so a
 * later change to those helpers cannot rewrite what this migration did.
 */
export class RateLimitWindow1795433750000 implements MigrationInterface {
  name = 'RateLimitWindow1795433750000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rate_limit_window',
        columns: [
          // "<limit>:<client address>", e.g. "screener-submission:203.0.113.7"
          { name: 'bucket', type: 'varchar', length: '200', isPrimary: true },
          // Minutes since 1970 divided by the window length: the window a request falls in.
          { name: 'window_index', type: 'integer', isPrimary: true },
          { name: 'hits', type: 'integer', default: 0 },
        ],
        indices: [{ name: 'ix_rate_limit_window_index', columnNames: ['window_index'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rate_limit_window');
  }
}
