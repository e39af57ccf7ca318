import { copyFileSync } from 'fs';
import { join } from 'path';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { DatabaseConfig, parseDatabaseUrl } from '../../src/config/config';
import { APP_ENTITIES } from '../../src/app.entities';
import { openDataSource } from '../../src/database/data-source';
import { databaseName, workerDatabaseUrl } from './worker-databases';

export const TMP_DIR = join(__dirname, '..', '..', '.tmp');

/** Each test run gets its own folder (set by the global setup), so parallel runs never share SQLite files. */
export function runDir(): string {
  const dir = process.env.KW_TEST_RUN_DIR;
  if (!dir)
    throw new Error('KW_TEST_RUN_DIR is not set: run the database tests through their Jest config (global setup).');
  return dir;
}

export function sqliteTemplate(): string {
  return join(runDir(), 'template.sqlite');
}

/**
 * PostgreSQL when TEST_DATABASE_URL is set, else SQLite. Refuses a database whose name does not say "test": the
 * global setup empties it and it names the copies the workers use (test/support/worker-databases.ts).
 */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const name = databaseName(url);
  if (!/test/i.test(name))
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  return url;
}

/** This Jest worker's own copy of the migrated PostgreSQL database. */
function workerTestDatabaseUrl(url: string): string {
  return workerDatabaseUrl(url, Number(process.env.JEST_WORKER_ID ?? 1));
}

export function isPostgresRun(): boolean {
  return testDatabaseUrl() !== undefined;
}

/**
 * A database for one test file: on PostgreSQL its worker's database (the worker's files run one after the other and
 * reset it), or a fresh copy of the migrated SQLite template.
 */
export function testDatabaseConfig(): DatabaseConfig {
  const url = testDatabaseUrl();
  if (url) return parseDatabaseUrl(workerTestDatabaseUrl(url));
  const file = join(runDir(), `w${process.env.JEST_WORKER_ID ?? 0}-${randomBytes(6).toString('hex')}.sqlite`);
  copyFileSync(sqliteTemplate(), file);
  return { type: 'better-sqlite3', file };
}

/** Empties every table (not the migration log), so each test file starts from a clean, migrated database. */
export async function resetDatabase(ds: DataSource): Promise<void> {
  const tables = ds.entityMetadatas.map((m) => m.tableName);
  if (ds.options.type === 'postgres') {
    await ds.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } else {
    await ds.query('PRAGMA foreign_keys = OFF');
    for (const t of tables) await ds.query(`DELETE FROM "${t}"`);
    await ds.query('PRAGMA foreign_keys = ON');
  }
}

/** A data source beside the application, with every module's entities (the application collects them itself). */
export function openAppDataSource(db: DatabaseConfig, opts: { migrate: boolean }): Promise<DataSource> {
  return openDataSource(db, APP_ENTITIES, opts);
}

export async function openTestDataSource(): Promise<DataSource> {
  const ds = await openAppDataSource(testDatabaseConfig(), { migrate: false });
  await resetDatabase(ds);
  return ds;
}
