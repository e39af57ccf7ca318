import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL: every `timestamp without time zone` becomes `timestamptz`. The values were written as UTC
 * wall-clock times, so `AT TIME ZONE 'UTC'` keeps each instant exactly. SQLite stores text and is left alone.
 * The columns are found in the catalogue rather than listed, so the migration covers every table that
 * exists when it runs, and `down()` turns back exactly the columns it finds as `timestamptz`.
 */
export class TimestampsWithTimeZone1795439000000 implements MigrationInterface {
  name = 'TimestampsWithTimeZone1795439000000';

  async up(q: QueryRunner): Promise<void> {
    await convert(q, 'timestamp without time zone', 'timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await convert(q, 'timestamp with time zone', 'timestamp');
  }
}

async function convert(q: QueryRunner, from: string, to: string): Promise<void> {
  if (q.connection.options.type !== 'postgres') return;
  const columns = (await q.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = $1 ORDER BY table_name, column_name`,
    [from],
  )) as { table_name: string; column_name: string }[];
  for (const { table_name: table, column_name: column } of columns) {
    await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE ${to} USING "${column}" AT TIME ZONE 'UTC'`);
  }
}
