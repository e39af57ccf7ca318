import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { retryAfterSeconds } from './app-error';
import { ConfirmationNeeded, confirmationModel } from './confirmation';
import { errorBody } from './error-body';
import { PageRefusal } from './form-refusal';
import { statusForKind } from './http-status';
import { LOCALE_COOKIE, requestLocale } from './request-locale';

/** Where failures become HTTP answers: JSON under /api, a friendly page elsewhere (the body: error-body.ts). */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const locale = req.locale ?? requestLocale(req.query?.lang, req.cookies?.[LOCALE_COOKIE]);
    const wantsPage = !req.path.startsWith('/api') && Boolean(req.accepts('html'));
    if (thrown instanceof ConfirmationNeeded && !res.headersSent) {
      res.status(200).render('pages/confirm', confirmationModel(locale, thrown.confirmation));
      return;
    }
    // A refused page form is shown again (form-refusal.ts); a client that wants no page gets the error as JSON.
    const exception = thrown instanceof PageRefusal ? thrown.cause : thrown;
    const body = errorBody(exception, req.method, req.path, locale);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    const retryAfter = retryAfterSeconds(exception);
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    // A refusal is about this one request: never kept by a browser or a proxy (as the direct routes' answers).
    res.setHeader('cache-control', 'no-store');
    if (!wantsPage) {
      res.status(body.statusCode).json(body);
      return;
    }
    if (thrown instanceof PageRefusal) {
      res.status(statusForKind(thrown.cause.kind)).render(thrown.view, thrown.model);
      return;
    }
    if (body.statusCode === 401 && req.method === 'GET') {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res
      .status(body.statusCode)
      .render('pages/error', { title: `error.title.${body.statusCode}`, error: body, layout: 'layouts/main' });
  }
}
