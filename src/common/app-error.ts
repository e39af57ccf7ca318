/**
 * Every expected failure is an AppError with a kind (which decides the HTTP status, in one place:
 * http-status.ts) and a stable code (which says what happened, for clients and tests).
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'too_many_requests' | 'gone' | 'payload_too_large';

export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }

  static notFound(what: string, key: string | number): AppError {
    return new AppError('not_found', `${what}.not_found`, `No ${what.replace(/_/g, ' ')} "${key}" exists.`);
  }

  static invalid(code: string, message: string, details?: ErrorDetails): AppError {
    return new AppError('invalid', code, message, details);
  }

  static conflict(code: string, message: string, details?: ErrorDetails): AppError {
    return new AppError('conflict', code, message, details);
  }

  static forbidden(message = 'You do not have access to this.'): AppError {
    return new AppError('forbidden', 'auth.forbidden', message);
  }
}

/** Seconds a refused client should wait (an AppError's details.retryAfterSeconds), for the Retry-After header; 0 when unsaid. */
export function retryAfterSeconds(err: unknown): number {
  const seconds = err instanceof AppError ? err.details?.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}
