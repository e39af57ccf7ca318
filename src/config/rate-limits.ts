import { wholeNumberSetting } from './whole-number-setting';

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
    screenerSubmissions: wholeNumberSetting(env, 'SCREENER_SUBMIT_LIMIT', 20, 1, 100_000),
    screenerPages: wholeNumberSetting(env, 'SCREENER_PAGE_LIMIT', 300, 1, 1_000_000),
    windowMinutes: wholeNumberSetting(env, 'SCREENER_LIMIT_WINDOW_MINUTES', 60, 1, 24 * 60),
  };
}
