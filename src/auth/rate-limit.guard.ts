import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { getTranslations } from '../common/view-engine';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { rateWindow } from './rate-limit';
import { RateLimitRepository } from './rate-limit.repository';

export type RateLimitKind = 'screener-page' | 'screener-submission';

const RATE_LIMIT_KEY = 'kwadrant:rate-limit';

/** Counts each request to this route per client address (req.ip, so it follows the trusted-proxy setting). */
export const RateLimited = (kind: RateLimitKind) => SetMetadata(RATE_LIMIT_KEY, kind);

/** Global guard: a route marked @RateLimited answers 429 (with Retry-After) once an address passes its limit. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly windows: RateLimitRepository,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.get<RateLimitKind | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!kind) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const { screenerPages, screenerSubmissions, windowMinutes } = this.config.rateLimits;
    const limit = kind === 'screener-page' ? screenerPages : screenerSubmissions;
    const window = rateWindow(Date.now(), windowMinutes);
    if ((await this.windows.hit(`${kind}:${req.ip ?? 'unknown'}`, window.index)) <= limit) return true;
    context.switchToHttp().getResponse<Response>().setHeader('retry-after', String(window.retryAfterSeconds));
    const minutes = Math.ceil(window.retryAfterSeconds / 60);
    throw new AppError(
      'too_many_requests',
      'rate_limited',
      getTranslations().t(req.locale, 'error.rate_limited', { minutes }),
      undefined,
      { minutes },
    );
  }
}
