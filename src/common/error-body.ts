import { HttpException } from '@nestjs/common';
import { AppError, type TextRef } from './app-error';
import type { Locale } from './domain';
import { STATUS_TEXT, statusForKind } from './http-status';
import { BODY_LIMIT_BYTES } from './request-body';
import { getTranslations } from './view-engine';
import { textOf } from './text-of';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

/**
 * The JSON every failed request answers with, whichever way it was served: { statusCode, error, message, code?, details? }.
 * `message` is said in the reader's language: the catalogue's `error.<code>`, filled from the error's details and vars.
 */
export function errorBody(exception: unknown, method: string, path: string, locale: Locale = 'nl'): ErrorBody {
  if (exception instanceof AppError) {
    const statusCode = statusForKind(exception.kind);
    const validation = exception.code === 'validation.failed' && exception.problems;
    const err = validation ? inLanguage(exception, locale) : exception;
    return {
      statusCode,
      error: STATUS_TEXT[statusCode],
      message: errorMessage(err, locale),
      code: exception.code,
      details: err.details,
    };
  }
  const say = (key: string, vars?: Record<string, unknown>) => getTranslations().t(locale, key, vars);
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : textOf((response as { message?: unknown }).message ?? exception.message);
    return {
      statusCode,
      error: STATUS_TEXT[statusCode] ?? exception.name,
      message: statusCode === 404 ? say('error.route.not_found', { method, path }) : message,
    };
  }
  // body-parser and friends signal client errors with a status/type on a plain Error.
  const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = say(
      e.type === 'entity.too.large'
        ? 'error.request.too_large'
        : e.type === 'entity.parse.failed'
          ? 'error.request.invalid_json'
          : 'error.request.unreadable',
      {
        kb: BODY_LIMIT_BYTES / 1024,
      },
    );
    return { statusCode: status, error: STATUS_TEXT[status] ?? 'Bad Request', message };
  }
  return { statusCode: 500, error: STATUS_TEXT[500], message: say('error.internal') };
}

/**
 * An AppError in the reader's language. A code without a catalogue text keeps its own message: a site that
 * words its refusal itself from the catalogue (a screener answer, a rule the schedule breaks) passes that text.
 */
export function errorMessage(err: AppError, locale: Locale): string {
  const i18n = getTranslations();
  const key = err.textKey ?? `error.${err.code}`;
  if (!i18n.has(key)) return err.message;
  locale = err.locale ?? locale;
  const vars: Record<string, unknown> = { ...err.details, ...err.vars };
  const say = (ref: TextRef) => i18n.t(locale, ref.textKey, ref.vars);
  for (const [name, value] of Object.entries(vars)) {
    if (isTextRef(value)) vars[name] = say(value);
    // A list of texts (each rule a change breaks) reads as consecutive sentences.
    else if (Array.isArray(value) && value.length && value.every(isTextRef)) vars[name] = value.map(say).join(' ');
  }
  return i18n.t(locale, key, vars);
}

/**
 * A failed validation said in the reader's language: each field's problems from the catalogue by constraint
 * (`formProblem.<constraint>`, or the field's own `formProblem.<constraint>.<field>`), the message naming each
 * field by its title (`field.<name>`, else the name a client sent). A constraint the catalogue does not word keeps
 * class-validator's text, so no problem goes unsaid.
 */
function inLanguage(err: AppError, locale: Locale): AppError {
  const i18n = getTranslations();
  const english = (err.details ?? {}) as Record<string, string[]>;
  const details: Record<string, string[]> = {};
  for (const [path, problems] of Object.entries(err.problems ?? {})) {
    const name = path.split('.').pop() ?? path;
    details[path] = problems.map((p, i) => {
      const own = `${p.key}.${name}`;
      if (i18n.has(own)) return i18n.t(locale, own, p.vars);
      return i18n.has(p.key) ? i18n.t(locale, p.key, p.vars) : (english[path]?.[i] ?? p.key);
    });
  }
  const title = (path: string) => {
    const key = `field.${path.split('.').pop()}`;
    return i18n.has(key) ? i18n.t(locale, key) : path;
  };
  const problems = Object.entries(details)
    .map(([path, texts]) => `${title(path)} (${texts.join('; ')})`)
    .join(', ');
  return new AppError(err.kind, err.code, err.message, details, { ...err.vars, problems });
}

const isTextRef = (v: unknown): v is TextRef =>
  typeof v === 'object' && v !== null && typeof (v as TextRef).textKey === 'string';
