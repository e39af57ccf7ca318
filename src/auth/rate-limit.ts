// Fixed-window rate limits: the pure part (which window a moment falls in, how long until the next one).

export interface RateWindow {
  /** The window's number: whole windows since 1970. */
  index: number;
  /** Seconds until the next window starts (for Retry-After), at least 1. */
  retryAfterSeconds: number;
}

export function rateWindow(nowMs: number, windowMinutes: number): RateWindow {
  const length = windowMinutes * 60_000;
  const index = Math.floor(nowMs / length);
  return { index, retryAfterSeconds: Math.max(1, Math.ceil(((index + 1) * length - nowMs) / 1000)) };
}
