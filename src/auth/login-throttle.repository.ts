import { Inject, Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { LoginThrottleCounter } from './login-throttle.entity';
import { ThrottleCounter, ThrottlePolicy, WINDOW_HOURS, refunded, reserved, secondsToWait } from './login-throttle';

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/** The login throttle's counters. A try is reserved under a row lock before the password is checked. */
@Injectable()
export class LoginThrottleRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  /**
   * Counts a try against every key if none of them makes it wait, in one transaction: PostgreSQL locks the rows
   * (FOR UPDATE, always in key order, so two logins cannot deadlock); on SQLite transactions run one at a time
   * (sqlite-transactions.ts). Returns the seconds to wait (0: the try was counted and may go ahead).
   */
  @Transactional()
  async reserve(keys: ThrottleKey[], now: Date): Promise<number> {
    const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
    const rows = await this.lockRows(
      sorted.map((k) => k.key),
      now,
    );
    const wait = Math.max(...sorted.map((k) => secondsToWait(rows.get(k.key) ?? null, k.policy, now)));
    if (wait > 0) return wait;
    for (const { key } of sorted)
      await this.manager.update(LoginThrottleCounter, { key }, reserved(rows.get(key) ?? null, now));
    return 0;
  }

  /** After a right password: the account-and-address run is over, and the address gets its try back. */
  @Transactional()
  async succeeded(clear: string, refund: string, now: Date): Promise<void> {
    const rows = await this.lockRows([refund], now);
    const counter = rows.get(refund);
    if (counter) await this.manager.update(LoginThrottleCounter, { key: refund }, refunded(counter));
    await this.manager.delete(LoginThrottleCounter, { key: clear });
    // Runs that ended long ago say nothing any more.
    await this.manager.delete(LoginThrottleCounter, {
      windowStartedAt: LessThan(new Date(now.getTime() - WINDOW_HOURS * 3600_000)),
    });
  }

  private async lockRows(keys: string[], now: Date): Promise<Map<string, ThrottleCounter>> {
    // A row to lock must exist: a first try makes an empty one (a parallel first try waits for it, then finds it).
    for (const key of keys) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(LoginThrottleCounter)
        .values({ key, failures: 0, windowStartedAt: now, lastAttemptAt: now })
        .orIgnore()
        .execute();
    }
    const qb = this.manager
      .getRepository(LoginThrottleCounter)
      .createQueryBuilder('c')
      .where({ key: In(keys) })
      .orderBy('c.key', 'ASC');
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const rows = await qb.getMany();
    return new Map(rows.map((r) => [r.key, r]));
  }
}
