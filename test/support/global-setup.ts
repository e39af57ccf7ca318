import { mkdirSync, mkdtempSync } from 'fs';
import { join } from 'path';
import { parseDatabaseUrl } from '../../src/config/config';
import { openAppDataSource, sqliteTemplate, testDatabaseUrl, TMP_DIR } from './test-database';
import { createWorkerDatabases } from './worker-databases';

/**
 * Migrates once per run: the PostgreSQL test database from scratch, copied for each worker, or a SQLite template
 * that each test file copies.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  mkdirSync(TMP_DIR, { recursive: true });
  // Workers are started after the global setup and inherit these variables (data folders, SQLite copies).
  process.env.KW_TEST_RUN_DIR = mkdtempSync(join(TMP_DIR, 'run-'));
  const url = testDatabaseUrl();
  if (url) {
    const ds = await openAppDataSource(parseDatabaseUrl(url), { migrate: false });
    await ds.query('DROP SCHEMA public CASCADE');
    await ds.query('CREATE SCHEMA public');
    await ds.runMigrations({ transaction: 'all' });
    await ds.destroy();
    const copies = await createWorkerDatabases(url, globalConfig.maxWorkers);
    process.env.KW_TEST_WORKER_DATABASES = JSON.stringify(copies);
    return;
  }
  const ds = await openAppDataSource({ type: 'better-sqlite3', file: sqliteTemplate() }, { migrate: true });
  await ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await ds.query('PRAGMA journal_mode = DELETE');
  await ds.destroy();
}
