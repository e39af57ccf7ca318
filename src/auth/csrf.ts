import { hmac, randomToken, safeEqual } from '../common/tokens';

/**
 * CSRF tokens are HMAC(secret, seed): a cross-site form can make the browser send its cookies but cannot know the
 * token. Logged in, the seed is the login session itself, so every login (and only it) has its own token, which dies
 * with the session at logout. Before login (the login form) the seed is a random httpOnly cookie, which is replaced
 * at login and logout, so a token seen before either is worthless afterwards.
 */
export const CSRF_COOKIE = 'kw_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

export function newCsrfSeed(): string {
  return randomToken();
}

/** The seed of a logged-in request: its session token (never sent anywhere; only the HMAC is). */
export function sessionCsrfSeed(sessionToken: string): string {
  return `session:${sessionToken}`;
}

/** The seed of a request without a login: the pre-login cookie's value. */
export function anonymousCsrfSeed(cookie: string): string {
  return `anonymous:${cookie}`;
}

export function csrfTokenFor(secret: string, seed: string): string {
  return hmac(secret, `csrf:${seed}`);
}

export function isValidCsrfToken(secret: string, seed: string | undefined, token: unknown): boolean {
  return (
    typeof seed === 'string' &&
    typeof token === 'string' &&
    token.length > 0 &&
    safeEqual(csrfTokenFor(secret, seed), token)
  );
}
