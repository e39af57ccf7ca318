import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { int, text, timestamp } from './columns.v1';

/**
 * One counter row per throttle key (an account-and-address, or an address) for the login throttle: a row can be
 * locked, so parallel tries are counted one at a time. Failed logins no longer go to login_attempt (the homework
 * code throttle still does).
 */
export class LoginThrottle1795433740000 implements MigrationInterface {
  name = 'LoginThrottle1795433740000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { ...text('key', { length: 320 }), isPrimary: true },
          int('failures', { default: 0 }),
          timestamp(q, 'window_started_at'),
          timestamp(q, 'last_attempt_at'),
        ],
        indices: [{ name: 'ix_login_throttle_window', columnNames: ['window_started_at'] }],
        checks: [{ name: 'ck_login_throttle_failures', expression: 'failures >= 0' }],
      }),
    );
    await q.query(`DELETE FROM "login_attempt" WHERE "key" LIKE 'ip:%' OR "key" LIKE 'account:%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_throttle');
  }
}
