import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { retryAfterSeconds } from './app-error';
import { errorBody } from './error-body';
import { LOCALE_COOKIE, requestLocale } from './request-locale';

/** Where failures become HTTP answers: JSON under /api, a friendly page elsewhere (the body: error-body.ts). */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = errorBody(exception, req.method, req.path, req.locale ?? requestLocale(req.query?.lang, req.cookies?.[LOCALE_COOKIE]));
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    const retryAfter = retryAfterSeconds(exception);
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    // A refusal is about this one request: never kept by a browser or a proxy (as the direct routes' answers).
    res.setHeader('cache-control', 'no-store');
    if (req.path.startsWith('/api') || !req.accepts('html')) {
      res.status(body.statusCode).json(body);
      return;
    }
    if (body.statusCode === 401 && req.method === 'GET') {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(body.statusCode).render('pages/error', { title: `error.title.${body.statusCode}`, error: body, layout: 'layouts/main' });
  }
}
