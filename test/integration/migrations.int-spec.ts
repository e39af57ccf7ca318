import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { openAppDataSource, testDatabaseConfig } from '../support/test-database';

describe('migrations', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openAppDataSource(testDatabaseConfig(), { migrate: false });
  });

  afterAll(async () => {
    // Leave the database migrated for the next test file.
    await ds.runMigrations({ transaction: 'all' });
    await ds.destroy();
  });

  it('is up to date after the global setup, and running again applies nothing', async () => {
    expect(await ds.showMigrations()).toBe(false);
    expect(await ds.runMigrations({ transaction: 'all' })).toEqual([]);
  });

  it('reverts every migration with down() and applies them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'all' });
    const runner = ds.createQueryRunner();
    try {
      for (const table of ds.entityMetadatas.map((m) => m.tableName)) expect(await runner.hasTable(table)).toBe(false);
    } finally {
      await runner.release();
    }
    const applied = await ds.runMigrations({ transaction: 'all' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('creates every table an entity needs', async () => {
    const runner = ds.createQueryRunner();
    try {
      for (const meta of ds.entityMetadatas) {
        const table = await runner.getTable(meta.tableName);
        expect(table).toBeDefined();
        for (const column of meta.columns) expect(table!.columns.map((c) => c.name)).toContain(column.databaseName);
      }
    } finally {
      await runner.release();
    }
  });
});
