import type { NextFunction, Request, Response } from 'express';
import type { Locale } from '../common/domain';
import type { AuthUser } from './auth-user';
import type { AuthService } from './auth.service';
import { isLocale, LOCALE_COOKIE, requestLocale } from '../common/request-locale';
import { CSRF_COOKIE, anonymousCsrfSeed, csrfTokenFor, newCsrfSeed, sessionCsrfSeed } from './csrf';

export const SESSION_COOKIE = 'kw_session';

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthUser;
    locale: Locale;
    csrfSeed?: string;
    sessionToken?: string;
  }
}

export function cookieOptions(secure: boolean, maxAgeMs?: number) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: maxAgeMs };
}

/** Resolves the login, the locale and the CSRF seed of every request, and hands them to the views. */
export function sessionMiddleware(auth: AuthService, secret: string, secureCookies: boolean) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const lang = typeof req.query.lang === 'string' ? req.query.lang : undefined;
      if (isLocale(lang))
        res.cookie(LOCALE_COOKIE, lang, { ...cookieOptions(secureCookies, 365 * 86400_000), httpOnly: false });
      req.locale = requestLocale(lang, req.cookies?.[LOCALE_COOKIE]);

      req.sessionToken = req.cookies?.[SESSION_COOKIE] as string | undefined;
      req.user = (await auth.resolveSession(req.sessionToken)) ?? undefined;

      if (req.user && req.sessionToken) {
        req.csrfSeed = sessionCsrfSeed(req.sessionToken);
      } else {
        let cookie = req.cookies?.[CSRF_COOKIE] as string | undefined;
        // JSON clients get their seed from /api/auth/*; other API calls (respondents' autosave) need none.
        if (!cookie && (!req.path.startsWith('/api/') || req.path.startsWith('/api/auth/'))) {
          cookie = newCsrfSeed();
          res.cookie(CSRF_COOKIE, cookie, cookieOptions(secureCookies));
        }
        req.csrfSeed = cookie ? anonymousCsrfSeed(cookie) : undefined;
      }

      Object.assign(res.locals, {
        locale: req.locale,
        user: req.user,
        csrfToken: req.csrfSeed ? csrfTokenFor(secret, req.csrfSeed) : undefined,
        currentPath: req.path,
        isStaff: req.user?.role === 'admin' || req.user?.role === 'researcher',
        isAdmin: req.user?.role === 'admin',
      });
      next();
    } catch (err) {
      next(err);
    }
  };
}
