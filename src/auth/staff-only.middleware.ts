import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { errorBody } from '../common/error-body';
import { STAFF_ROLES } from './auth-user';

/**
 * For routes that Express serves outside Nest's guard (the OpenAPI pages of SwaggerModule): researchers and
 * admins only. Runs after the session middleware, which has resolved req.user.
 */
export function staffOnly(req: Request, res: Response, next: NextFunction): void {
  if (req.user && STAFF_ROLES.includes(req.user.role)) return next();
  if (!req.user && req.method === 'GET' && req.accepts(['json', 'html']) === 'html') {
    return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
  }
  const refusal = req.user
    ? AppError.forbidden()
    : new AppError('unauthenticated', 'auth.login_required', 'Please log in first.');
  const body = errorBody(refusal, req.method, req.path, req.locale);
  res.status(body.statusCode).json(body);
}
