import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one request in its window and answers the count so far. One statement (an upsert), so parallel
   * requests from one address, on any number of app instances, each see a different count: none slips past the limit.
   */
  async hit(bucket: string, windowIndex: number): Promise<number> {
    const [a, b] = this.dataSource.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
    const rows: { hits: number | string }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_window (bucket, window_index, hits) VALUES (${a}, ${b}, 1)
       ON CONFLICT (bucket, window_index) DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits`,
      [bucket, windowIndex],
    );
    const hits = Number(rows[0].hits);
    // The first request of a window clears the windows before the previous one: the table stays small.
    if (hits === 1) await this.dataSource.query(`DELETE FROM rate_limit_window WHERE window_index < ${a}`, [windowIndex - 1]);
    return hits;
  }
}
