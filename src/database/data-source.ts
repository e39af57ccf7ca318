import { mkdirSync } from 'fs';
import { dirname } from 'path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { DatabaseConfig } from '../config/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Entity classes. Each feature module lists its own; this folder knows none of them. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * The one data-source definition, shared by the app (TypeOrmModule, which adds every module's forFeature
 * entities), the CLI, the tests and the benches (which pass the composition root's list).
 */
export function dataSourceOptions(db: DatabaseConfig, entities: EntityList = []): DataSourceOptions {
  const common = {
    entities,
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

/** Connects (creating the SQLite file's folder) and, when asked, applies pending migrations. */
export async function initialiseDataSource(
  options: DataSourceOptions,
  opts: { migrate: boolean },
): Promise<DataSource> {
  if (options.type === 'better-sqlite3' && options.database !== ':memory:')
    mkdirSync(dirname(options.database), { recursive: true });
  const ds = new DataSource(options);
  await ds.initialize();
  if (opts.migrate) await ds.runMigrations({ transaction: 'all' });
  return ds;
}

/** A data source outside the application (CLI, tests, benches), with the entities the caller needs. */
export function openDataSource(
  db: DatabaseConfig,
  entities: EntityList,
  opts: { migrate: boolean },
): Promise<DataSource> {
  return initialiseDataSource(dataSourceOptions(db, entities), opts);
}
