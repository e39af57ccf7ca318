import { Injectable } from '@nestjs/common';
import { DirectSql } from '../database/direct-sql';

const HIT_SQL = `INSERT INTO rate_limit_window (bucket, window_index, hits) VALUES (?, ?, 1)
  ON CONFLICT (bucket, window_index) DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits`;
// A try is taken only while the window has room: the row lock of the upsert (PostgreSQL) or the one connection
// (SQLite) makes the check and the count one step, so parallel tries never pass the limit together.
const RESERVE_SQL = `INSERT INTO rate_limit_window (bucket, window_index, hits) VALUES (?, ?, 1)
  ON CONFLICT (bucket, window_index) DO UPDATE SET hits = rate_limit_window.hits + 1 WHERE rate_limit_window.hits < ?
  RETURNING hits`;
const REFUND_SQL = 'UPDATE rate_limit_window SET hits = hits - 1 WHERE bucket = ? AND window_index = ? AND hits > 0';
const FORGET_SQL = 'DELETE FROM rate_limit_window WHERE bucket LIKE ? AND window_index < ?';

@Injectable()
export class RateLimitRepository {
  constructor(private readonly sql: DirectSql) {}

  /**
   * Counts one request in its window and answers the count so far. One statement (an upsert), so parallel
   * requests from one address, on any number of app instances, each see a different count: none slips past the limit.
   */
  async hit(bucket: string, windowIndex: number): Promise<number> {
    const hits = Number((await this.sql.get(HIT_SQL, [bucket, windowIndex]))!.hits);
    if (hits === 1) await this.forgetOldWindows(bucket, windowIndex);
    return hits;
  }

  /**
   * Takes one of a window's `limit` tries for the bucket, before the thing tried is checked; false when none is
   * left. A try that turns out right is given back with refund().
   */
  async reserve(bucket: string, windowIndex: number, limit: number): Promise<boolean> {
    const row = await this.sql.get(RESERVE_SQL, [bucket, windowIndex, limit]);
    if (!row) return false;
    if (Number(row.hits) === 1) await this.forgetOldWindows(bucket, windowIndex);
    return true;
  }

  async refund(bucket: string, windowIndex: number): Promise<void> {
    await this.sql.run(REFUND_SQL, [bucket, windowIndex]);
  }

  /**
   * The first request of a window clears its kind's windows before the previous one, so the table stays small.
   * Only its kind's: limits count in windows of different lengths, so their numbers are not comparable.
   */
  private async forgetOldWindows(bucket: string, windowIndex: number): Promise<void> {
    await this.sql.run(FORGET_SQL, [`${bucket.slice(0, bucket.indexOf(':') + 1)}%`, windowIndex - 1]);
  }
}
