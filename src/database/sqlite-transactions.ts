import { AsyncLocalStorage } from 'async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection. Two transactions that overlap in time would nest as savepoints
 * on it, and one's rollback could undo the other's work. So on SQLite transactions run one after another;
 * a transaction opened inside another (same async context) runs directly, as before, to avoid a deadlock.
 */
export function serialiseSqliteTransactions(ds: DataSource): void {
  const inside = new AsyncLocalStorage<true>();
  const original = ds.manager.transaction.bind(ds.manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  ds.manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return original(...args);
    const run = () => inside.run(true, () => original(...args));
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }) as EntityManager['transaction'];
}
