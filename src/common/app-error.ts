import type { Locale } from './domain';
import type { TextVars } from './i18n';

/**
 * Every expected failure is an AppError with a kind (which decides the HTTP status, in one place:
 * http-status.ts) and a stable code (which says what happened, for clients and tests). What a person reads is
 * the catalogue's `error.<code>` text in their language, filled from `details` and `vars` (error-body.ts);
 * `message` is the English sentence for logs and the command line.
 */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'too_many_requests'
  | 'gone'
  | 'payload_too_large';

export type ErrorDetails = Record<string, unknown>;

/** A variable that is itself a catalogue text, said in the same language as the sentence around it. */
export interface TextRef {
  textKey: string;
  vars?: TextVars;
}

/** A problem a person reads, as a locale key and its variables (worded in the reader's language when shown). */
export interface ProblemText {
  key: string;
  vars?: Record<string, unknown>;
}

/** Form field -> its problems; what a refused page form shows next to each field (form-refusal.ts). */
export type FieldProblems = Record<string, ProblemText[]>;

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
    /** Values the text needs that the client does not get as details (a name, a count); see TextRef. */
    readonly vars?: TextVars,
    /** The catalogue text when one code has several (why access was refused); else `error.<code>`. */
    readonly textKey?: string,
  ) {
    super(message);
  }

  /** Field problems by locale key, for a page to word next to each field; never part of the JSON answer. */
  problems?: FieldProblems;

  withProblems(problems: FieldProblems): this {
    this.problems = problems;
    return this;
  }

  /** The language the reader chose in what they sent (the screener's own switch), over the request's. */
  locale?: Locale;

  saidIn(locale: Locale): this {
    this.locale = locale;
    return this;
  }

  static notFound(what: string, key: string | number): AppError {
    return new AppError('not_found', `${what}.not_found`, `No ${what.replace(/_/g, ' ')} "${key}" exists.`, undefined, {
      key,
    });
  }

  static invalid(code: string, message: string, details?: ErrorDetails, vars?: TextVars): AppError {
    return new AppError('invalid', code, message, details, vars);
  }

  static conflict(code: string, message: string, details?: ErrorDetails, vars?: TextVars): AppError {
    return new AppError('conflict', code, message, details, vars);
  }

  static forbidden(message = 'You do not have access to this.', textKey?: string): AppError {
    return new AppError('forbidden', 'auth.forbidden', message, undefined, undefined, textKey);
  }
}

/** Seconds a refused client should wait (an AppError's details.retryAfterSeconds), for the Retry-After header; 0 when unsaid. */
export function retryAfterSeconds(err: unknown): number {
  const seconds = err instanceof AppError ? err.details?.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}
