import { ConfigError } from './config-error';

/**
 * Per-address limits on the public screener, counted in the database so every app instance shares them
 * (src/auth/rate-limit.guard.ts). A window is a fixed span of time: at most `limit` requests from one address in it.
 */
export interface RateLimits {
  /** Screener submissions (POST /api/studies/:slug/screener) per address per window. */
  screenerSubmissions: number;
  /** Screener page views (GET /s/:slug) per address per window. */
  screenerPages: number;
  windowMinutes: number;
}

export function rateLimits(env: Record<string, string | undefined>): RateLimits {
  return {
    // A household or a community centre may sign several people up from one address; a script sends hundreds.
    screenerSubmissions: whole(env, 'SCREENER_SUBMIT_LIMIT', 20, 1, 100_000),
    screenerPages: whole(env, 'SCREENER_PAGE_LIMIT', 300, 1, 1_000_000),
    windowMinutes: whole(env, 'SCREENER_LIMIT_WINDOW_MINUTES', 60, 1, 24 * 60),
  };
}

function whole(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}
