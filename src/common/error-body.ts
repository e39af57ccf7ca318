import { HttpException } from '@nestjs/common';
import { AppError } from './app-error';
import { STATUS_TEXT, statusForKind } from './http-status';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

/** The JSON every failed request answers with, whichever way it was served: { statusCode, error, message, code?, details? }. */
export function errorBody(exception: unknown, method: string, path: string): ErrorBody {
  if (exception instanceof AppError) {
    const statusCode = statusForKind(exception.kind);
    return { statusCode, error: STATUS_TEXT[statusCode], message: exception.message, code: exception.code, details: exception.details };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
    return { statusCode, error: STATUS_TEXT[statusCode] ?? exception.name, message: statusCode === 404 ? `Nothing at ${method} ${path}.` : message };
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
