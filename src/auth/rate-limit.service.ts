import { Injectable } from '@nestjs/common';
import { RateLimitRepository } from './rate-limit.repository';

/**
 * Per-address limits for other modules (the homework code throttle): auth owns `rate_limit_window`, so they count
 * their tries through this service rather than the repository.
 */
@Injectable()
export class RateLimitService {
  constructor(private readonly windows: RateLimitRepository) {}

  /** Takes one of a window's `limit` tries for the bucket before the thing tried is checked; false when none is left. */
  reserve(bucket: string, windowIndex: number, limit: number): Promise<boolean> {
    return this.windows.reserve(bucket, windowIndex, limit);
  }

  /** Gives a try back once it turned out right. */
  refund(bucket: string, windowIndex: number): Promise<void> {
    return this.windows.refund(bucket, windowIndex);
  }
}
