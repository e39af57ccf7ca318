import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { SESSION_HOURS } from './auth.service';
import { CSRF_COOKIE, csrfTokenFor, newCsrfSeed, sessionCsrfSeed } from './csrf';
import { SESSION_COOKIE, cookieOptions } from './session.middleware';

/**
 * The session cookie (httpOnly, SameSite=Lax, Secure whenever kwadrant is served over https), and the CSRF token
 * that belongs to it. Logging in and out also replaces the pre-login CSRF cookie (csrf.ts).
 */
@Injectable()
export class LoginCookies {
  private readonly secure: boolean;
  private readonly secret: string;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    this.secure = config.baseUrl.startsWith('https:');
    this.secret = config.sessionSecret;
  }

  /** Sets the new session's cookie; returns the session's CSRF token. */
  set(res: Response, token: string): string {
    res.cookie(SESSION_COOKIE, token, cookieOptions(this.secure, SESSION_HOURS * 3600_000));
    this.renewAnonymousCsrf(res);
    return csrfTokenFor(this.secret, sessionCsrfSeed(token));
  }

  clear(res: Response): void {
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.secure));
    this.renewAnonymousCsrf(res);
  }

  private renewAnonymousCsrf(res: Response): void {
    res.cookie(CSRF_COOKIE, newCsrfSeed(), cookieOptions(this.secure));
  }
}
