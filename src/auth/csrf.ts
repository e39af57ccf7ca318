import { hmac, randomToken, safeEqual } from '../common/tokens';

/**
 * Double-submit CSRF protection: the browser holds a random httpOnly cookie; pages and /api/auth/csrf hand out
 * HMAC(secret, cookie). A cross-site form can send the cookie but cannot know the matching token.
 */
export const CSRF_COOKIE = 'kw_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

export function newCsrfSeed(): string {
  return randomToken();
}

export function csrfTokenFor(secret: string, seed: string): string {
  return hmac(secret, `csrf:${seed}`);
}

export function isValidCsrfToken(secret: string, seed: string | undefined, token: unknown): boolean {
  return typeof seed === 'string' && typeof token === 'string' && token.length > 0 && safeEqual(csrfTokenFor(secret, seed), token);
}
