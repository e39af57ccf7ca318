import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The login throttle's count for one key (login-throttle.ts); in the database, so all app instances agree. */
@Entity('login_throttle')
export class LoginThrottleCounter {
  /** "ip:<address>" or "account-ip:<lowercased e-mail>|<address>" */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  key: string;

  /** Tries counted in the current window (a right password gives its try back). */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: Date })
  windowStartedAt: Date;

  @Column({ type: Date })
  lastAttemptAt: Date;
}
