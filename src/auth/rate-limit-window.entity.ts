import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Requests counted per bucket (a limit and a client address) and fixed time window; see rate-limit.repository.ts. */
@Entity('rate_limit_window')
export class RateLimitWindow {
  /** "<limit>:<client address>" */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  bucket: string;

  @PrimaryColumn({ type: 'integer' })
  windowIndex: number;

  @Column({ type: 'integer', default: 0 })
  hits: number;
}
