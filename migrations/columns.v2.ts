/**
 * FROZEN once a migration that uses it has been released: the column helpers from 1795439000000 on. Timestamps
 * are `timestamptz` on PostgreSQL (an instant, whatever the session's time zone); everything else is as in v1.
 * A changed helper goes into a new `columns.vN.ts`.
 */
import { QueryRunner, TableColumnOptions } from 'typeorm';
import { isPostgres } from './columns.v1';

export { bool, fk, id, int, isPostgres, text } from './columns.v1';

export function timestamp(
  queryRunner: QueryRunner,
  name: string,
  opts: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions {
  const pg = isPostgres(queryRunner);
  return {
    name,
    type: pg ? 'timestamptz' : 'datetime',
    isNullable: opts.nullable ?? false,
    default: opts.defaultNow ? (pg ? 'now()' : "(datetime('now'))") : undefined,
  };
}
