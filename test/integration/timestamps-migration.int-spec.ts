import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { TimestampsWithTimeZone1795439000000 } from '../../migrations/1795439000000-TimestampsWithTimeZone';
import { isPostgresRun, openAppDataSource, testDatabaseConfig } from '../support/test-database';

const INSTANT = '2026-03-29T01:30:00.000Z'; // the night the Netherlands move to summer time
/** Columns the migration converted whose tables a later migration drops. */
const DROPPED_LATER = ['login_attempt.attempted_at'];

async function columnTypes(ds: DataSource): Promise<Record<string, string>> {
  if (ds.options.type !== 'postgres') {
    const rows = await ds.query<{ name: string; type: string }[]>(
      `SELECT name, type FROM pragma_table_info('audit_event')`,
    );
    return Object.fromEntries(rows.map((r) => [`audit_event.${r.name}`, r.type]));
  }
  const rows = await ds.query<{ table_name: string; column_name: string; data_type: string }[]>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type LIKE 'timestamp%' ORDER BY table_name, column_name`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
}

describe(TimestampsWithTimeZone1795439000000.name, () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openAppDataSource(testDatabaseConfig(), { migrate: false });
  });

  afterAll(async () => {
    await ds.runMigrations({ transaction: 'all' });
    await ds.destroy();
  });

  // Later migrations may follow it; undoing back to it undoes them first.
  const undoThroughIt = async () => {
    const steps = MIGRATIONS.length - MIGRATIONS.indexOf(TimestampsWithTimeZone1795439000000);
    for (let i = 0; i < steps; i++) await ds.undoLastMigration({ transaction: 'all' });
  };

  it('is in the list of migrations', () => {
    expect(MIGRATIONS).toContain(TimestampsWithTimeZone1795439000000);
  });

  it('keeps every stored instant while the columns change type, and down() turns them back', async () => {
    await undoThroughIt();
    const before = await columnTypes(ds);
    await ds.query(`INSERT INTO audit_event (occurred_at, action) VALUES ('2026-03-29 01:30:00', 'test.instant')`);

    await ds.runMigrations({ transaction: 'all' });
    const after = await columnTypes(ds);
    const read = async () => {
      const [row] = await ds.query<{ occurred_at: Date | string }[]>(
        `SELECT occurred_at FROM audit_event WHERE action = 'test.instant'`,
      );
      return row.occurred_at;
    };

    if (isPostgresRun()) {
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect(new Set(Object.values(before))).toEqual(new Set(['timestamp without time zone']));
      // Later migrations add their own columns, already with time zone, and drop login_attempt.
      const kept = Object.keys(before).filter((column) => !DROPPED_LATER.includes(column));
      expect(Object.keys(after)).toEqual(expect.arrayContaining(kept));
      expect(new Set(Object.values(after))).toEqual(new Set(['timestamp with time zone']));
      expect((await read()) as Date).toEqual(new Date(INSTANT));
      await undoThroughIt();
      expect(new Set(Object.values(await columnTypes(ds)))).toEqual(new Set(['timestamp without time zone']));
      const [row] = await ds.query<{ t: string }[]>(
        `SELECT to_char(occurred_at, 'YYYY-MM-DD HH24:MI:SS') AS t FROM audit_event WHERE action = 'test.instant'`,
      );
      expect(row.t).toBe('2026-03-29 01:30:00');
    } else {
      // SQLite keeps timestamps as text: nothing to convert, and nothing may change.
      expect(after).toEqual(expect.objectContaining(before));
      expect(await read()).toBe('2026-03-29 01:30:00');
    }
    await ds.query(`DELETE FROM audit_event WHERE action = 'test.instant'`);
  });
});

describe('migrations import no application code', () => {
  it('imports only typeorm and the frozen column helpers beside them', () => {
    const dir = join(__dirname, '..', '..', 'migrations');
    const imports = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${f}: ${m[1]}`));
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((i) => !/: (typeorm|\.\/columns\.v\d+|\.\/\d{13}-\w+)$/.test(i))).toEqual([]);
  });
});
