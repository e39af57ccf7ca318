import { AsyncLocalStorage } from 'async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection: its driver shares one query runner. Two transactions that overlap
 * in time would nest as savepoints on it, and one's rollback could undo the other's work. So on SQLite transactions
 * run one after another; work started inside a running one (same async context) runs at once, since waiting for the
 * transaction it is part of would never end.
 */
export class SqliteTransactionQueue {
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Transactions and lone statements queued or running. */
  private pending = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    return this.enqueue(() => this.inside.run(true, work));
  }

  /**
   * A statement from outside every transaction. While one is open it would run inside it: read its unfinished
   * work (half an import) and, if it writes, vanish with its rollback. So then it waits its turn behind it;
   * when none is open or queued, it runs at once.
   */
  statement<T>(work: () => Promise<T>): Promise<T> {
    if (!this.pending || this.inside.getStore()) return work();
    return this.enqueue(work);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(work, work);
    const done = () => void this.pending--;
    this.tail = result.then(done, done);
    return result;
  }
}

const queues = new WeakMap<DataSource, SqliteTransactionQueue>();

/**
 * The queue of one SQLite data source, shared by the transaction adapter and DirectSql; every statement sent
 * through the driver's query runner (repositories, managers, `dataSource.query`) takes its turn in it too.
 */
export function sqliteTransactionQueue(dataSource: DataSource): SqliteTransactionQueue {
  let queue = queues.get(dataSource);
  if (!queue) {
    const q = (queue = new SqliteTransactionQueue());
    queues.set(dataSource, queue);
    const runner = dataSource.driver.createQueryRunner('master');
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = ((...args: unknown[]) => q.statement(() => query(...args))) as QueryRunner['query'];
  }
  return queue;
}
