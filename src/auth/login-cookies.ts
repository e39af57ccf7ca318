import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { SESSION_HOURS } from './auth.service';
import { SESSION_COOKIE, cookieOptions } from './session.middleware';

/** The session cookie: httpOnly, SameSite=Lax, Secure whenever kwadrant is served over https. */
@Injectable()
export class LoginCookies {
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    this.secure = config.baseUrl.startsWith('https:');
  }

  set(res: Response, token: string): void {
    res.cookie(SESSION_COOKIE, token, cookieOptions(this.secure, SESSION_HOURS * 3600_000));
  }

  clear(res: Response): void {
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.secure));
  }
}
