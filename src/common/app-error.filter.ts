import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { STATUS_TEXT, statusForKind } from './http-status';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

/** The one place where failures become HTTP answers: JSON under /api, a friendly page elsewhere. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = this.toBody(exception, req);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    if (req.path.startsWith('/api') || !req.accepts('html')) {
      res.status(body.statusCode).json(body);
      return;
    }
    if (body.statusCode === 401 && req.method === 'GET') {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(body.statusCode).render('pages/error', { title: body.error, error: body, layout: 'layouts/main' });
  }

  private toBody(exception: unknown, req: Request): ErrorBody {
    if (exception instanceof AppError) {
      const statusCode = statusForKind(exception.kind);
      return { statusCode, error: STATUS_TEXT[statusCode], message: exception.message, code: exception.code, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: STATUS_TEXT[statusCode] ?? exception.name, message: statusCode === 404 ? `Nothing at ${req.method} ${req.path}.` : message };
    }
    // body-parser and friends signal client errors with a status/type on a plain Error.
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        e.type === 'entity.too.large'
          ? 'The request body is too large.'
          : e.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : (e.message ?? 'The request could not be read.');
      return { statusCode: status, error: STATUS_TEXT[status] ?? 'Bad Request', message };
    }
    return { statusCode: 500, error: STATUS_TEXT[500], message: 'Something went wrong on our side. It has been logged; please try again.' };
  }
}
