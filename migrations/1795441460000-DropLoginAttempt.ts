import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, text, timestamp } from './columns.v2';

/**
 * Failed logins are counted in login_throttle and the homework code tries in rate_limit_window; nothing has written
 * login_attempt since, so the table and its entity go rather than suggest a second throttle.
 */
export class DropLoginAttempt1795441460000 implements MigrationInterface {
  name = 'DropLoginAttempt1795441460000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropTable('login_attempt');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_attempt',
        columns: [id(), text('key', { length: 300 }), timestamp(q, 'attempted_at')],
        indices: [{ name: 'ix_login_attempt_key', columnNames: ['key', 'attempted_at'] }],
      }),
    );
  }
}
