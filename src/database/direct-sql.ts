import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqliteTransactionQueue, sqliteTransactionQueue } from './sqlite-transactions';

interface SqliteStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  readonly inTransaction: boolean;
}

export type SqlRow = Record<string, unknown>;

/**
 * Plain SQL for the few statements on a hot path (homework autosave, the journey report's reads of a whole study),
 * without TypeORM's query layers: on SQLite those cost more than the statement itself, and hydrating a study's
 * 200,000 codings as entities took seconds. Statements are written with `?` placeholders and kept
 * prepared; on PostgreSQL the placeholders become $1, $2, … and the query goes through the pool as usual.
 * Rows come back raw (database column names and values): hydrate them with the entity metadata.
 * Pass the same string each time (a constant, or built once and kept): statements are found by their text, and
 * a string built anew must be hashed anew on every call.
 */
@Injectable()
export class DirectSql {
  private readonly sqlite: SqliteConnection | null;
  private readonly sqliteQueue: SqliteTransactionQueue | null;
  private readonly statements = new Map<string, SqliteStatement>();
  private readonly postgresSql = new Map<string, string>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.sqlite =
      dataSource.options.type === 'better-sqlite3'
        ? (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection
        : null;
    this.sqliteQueue = this.sqlite ? sqliteTransactionQueue(dataSource) : null;
  }

  /** For the few statements whose SQL differs between the two (JSON functions). */
  get dialect(): 'sqlite' | 'postgres' {
    return this.sqlite ? 'sqlite' : 'postgres';
  }

  // Not async functions: on SQLite the answer is there at once, and every extra promise costs on this path.
  get(sql: string, params: unknown[]): Promise<SqlRow | undefined> {
    if (this.sqlite)
      return this.whenSqliteIdle(() => this.statement(sql).get(...params.map(sqliteValue)) as SqlRow | undefined);
    return this.dataSource.query(this.numbered(sql), params).then((rows: SqlRow[]) => rows[0]);
  }

  /** Every row, raw; alias columns (`assignment_id AS "assignmentId"`) to get the shape wanted without copying. */
  all(sql: string, params: unknown[]): Promise<SqlRow[]> {
    if (this.sqlite) return this.whenSqliteIdle(() => this.statement(sql).all(...params.map(sqliteValue)) as SqlRow[]);
    return this.dataSource.query(this.numbered(sql), params);
  }

  /** Runs a write; returns how many rows it changed. */
  run(sql: string, params: unknown[]): Promise<number> {
    if (this.sqlite) return this.whenSqliteIdle(() => this.statement(sql).run(...params.map(sqliteValue)).changes);
    return this.runOnPostgres(sql, params);
  }

  private async runOnPostgres(sql: string, params: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(this.numbered(sql), params, true)).affected ?? 0;
    } finally {
      await runner.release();
    }
  }

  /**
   * SQLite has one connection. While another request's transaction is open on it, a statement run now would
   * become part of that transaction and vanish with its rollback; so it waits its turn like a transaction does
   * (src/database/sqlite-transactions.ts; inside a transaction of its own caller it runs at once). Otherwise it
   * runs at once.
   */
  private whenSqliteIdle<T>(work: () => T): Promise<T> {
    if (!this.sqlite!.inTransaction) return Promise.resolve(work());
    return this.sqliteQueue!.run(() => Promise.resolve().then(work));
  }

  private statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite!.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private numbered(sql: string): string {
    let numbered = this.postgresSql.get(sql);
    if (!numbered) {
      let n = 0;
      numbered = sql.replace(/\?/g, () => `$${++n}`);
      this.postgresSql.set(sql, numbered);
    }
    return numbered;
  }
}

// better-sqlite3 cannot bind booleans (dates arrive already turned into text by the entity metadata).
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
