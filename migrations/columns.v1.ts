/**
 * FROZEN: the column helpers as the migrations up to 1795433799999 used them. Migrations that have run must
 * produce the same schema forever, so they import this copy, never application code. Never edit this file:
 * a changed helper goes into a new `columns.vN.ts` for the migrations written after it.
 */
import { QueryRunner, TableColumnOptions } from 'typeorm';

export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'postgres';
}

export function id(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

export function timestamp(
  queryRunner: QueryRunner,
  name: string,
  opts: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions {
  const pg = isPostgres(queryRunner);
  return {
    name,
    type: pg ? 'timestamp' : 'datetime',
    isNullable: opts.nullable ?? false,
    default: opts.defaultNow ? (pg ? 'now()' : "(datetime('now'))") : undefined,
  };
}

export function text(
  name: string,
  opts: { nullable?: boolean; length?: number; default?: string } = {},
): TableColumnOptions {
  return {
    name,
    type: opts.length ? 'varchar' : 'text',
    length: opts.length ? String(opts.length) : undefined,
    isNullable: opts.nullable ?? false,
    default: opts.default === undefined ? undefined : `'${opts.default}'`,
  };
}

export function int(name: string, opts: { nullable?: boolean; default?: number } = {}): TableColumnOptions {
  return { name, type: 'integer', isNullable: opts.nullable ?? false, default: opts.default };
}

export function bool(name: string, defaultValue: boolean): TableColumnOptions {
  return { name, type: 'boolean', isNullable: false, default: defaultValue ? 'true' : 'false' };
}

export function fk(name: string, opts: { nullable?: boolean } = {}): TableColumnOptions {
  return { name, type: 'integer', isNullable: opts.nullable ?? false };
}
