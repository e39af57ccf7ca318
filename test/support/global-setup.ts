import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';
import { parseDatabaseUrl } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { SQLITE_TEMPLATE, TMP_DIR, testDatabaseUrl } from './test-database';

/** Migrates once per run: the PostgreSQL test database from scratch, or a SQLite template that each test file copies. */
export default async function globalSetup(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const ds = await openDataSource(parseDatabaseUrl(url), { migrate: false });
    await ds.query('DROP SCHEMA public CASCADE');
    await ds.query('CREATE SCHEMA public');
    await ds.runMigrations({ transaction: 'all' });
    await ds.destroy();
    return;
  }
  rmSync(join(TMP_DIR, 'test-db'), { recursive: true, force: true });
  mkdirSync(join(TMP_DIR, 'test-db'), { recursive: true });
  const ds = await openDataSource({ type: 'better-sqlite3', file: SQLITE_TEMPLATE }, { migrate: true });
  await ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await ds.query('PRAGMA journal_mode = DELETE');
  await ds.destroy();
}
