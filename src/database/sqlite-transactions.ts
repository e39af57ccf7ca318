import { AsyncLocalStorage } from 'async_hooks';
import type { DataSource } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection: its driver shares one query runner. Two transactions that overlap
 * in time would nest as savepoints on it, and one's rollback could undo the other's work. So on SQLite transactions
 * run one after another; work started inside a running one (same async context) runs at once, since waiting for the
 * transaction it is part of would never end.
 */
export class SqliteTransactionQueue {
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    const run = () => this.inside.run(true, work);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const queues = new WeakMap<DataSource, SqliteTransactionQueue>();

/** The queue of one SQLite data source, shared by the transaction adapter and DirectSql. */
export function sqliteTransactionQueue(dataSource: DataSource): SqliteTransactionQueue {
  let queue = queues.get(dataSource);
  if (!queue) {
    queue = new SqliteTransactionQueue();
    queues.set(dataSource, queue);
  }
  return queue;
}
