import { mkdirSync } from 'fs';
import { dirname } from 'path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { serialiseSqliteTransactions } from './sqlite-transactions';

/** The one data-source definition, shared by the app, the CLI and the tests. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  } as const;
  if (db.type === 'postgres') return { ...common, type: 'postgres', url: db.url, extra: { max: 10 } };
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    // WAL lets readers and the writer work at once; the busy timeout makes concurrent writers wait instead of failing.
    prepareDatabase: (conn: { pragma(s: string): unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma('busy_timeout = 5000');
      conn.pragma('foreign_keys = ON');
    },
  };
}

export async function openDataSource(db: DatabaseConfig, opts: { migrate: boolean }): Promise<DataSource> {
  if (db.type === 'better-sqlite3' && db.file !== ':memory:') mkdirSync(dirname(db.file), { recursive: true });
  const ds = new DataSource(dataSourceOptions(db));
  await ds.initialize();
  if (db.type === 'better-sqlite3') serialiseSqliteTransactions(ds);
  if (opts.migrate) await ds.runMigrations({ transaction: 'all' });
  return ds;
}
