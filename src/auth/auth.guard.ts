import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { STAFF_ROLES } from './auth-user';
import { CSRF_FIELD, CSRF_HEADER, isValidCsrfToken } from './csrf';
import { CSRF_ONLY_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { Role } from './user.entity';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Global guard: deny by default, roles per route (staff when unsaid), CSRF on every state change made with a login. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const csrfOnly = this.reflector.getAllAndOverride<boolean>(CSRF_ONLY_KEY, targets);
    if (isPublic && !csrfOnly) return true;
    if (!SAFE_METHODS.has(req.method)) this.checkCsrf(req);
    if (isPublic) return true;
    if (!req.user) throw new AppError('unauthenticated', 'auth.login_required', 'Please log in first.');
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? STAFF_ROLES;
    if (!roles.includes(req.user.role)) throw AppError.forbidden();
    return true;
  }

  private checkCsrf(req: Request): void {
    const body = req.body as Record<string, unknown> | undefined;
    const token = req.get(CSRF_HEADER) ?? body?.[CSRF_FIELD];
    if (!isValidCsrfToken(this.config.sessionSecret, req.csrfSeed, token)) {
      throw new AppError(
        'forbidden',
        'auth.csrf',
        'This form has expired or did not come from kwadrant. Please reload the page and try again.',
      );
    }
    // The token has done its job; DTO validation must not see it as an unknown field.
    if (body && typeof body === 'object') delete body[CSRF_FIELD];
  }
}
