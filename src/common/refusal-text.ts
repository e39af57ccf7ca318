import type { AppError } from './app-error';
import type { Locale } from './domain';
import { errorMessage } from './error-body';
import { getTranslations } from './view-engine';

/** A refusal as a page says it: its form text (formRefusal.<code>), else the error's text, in the reader's language. */
export function refusalText(err: AppError, locale: Locale): string {
  const key = `formRefusal.${err.code}`;
  const i18n = getTranslations();
  return i18n.has(key) ? i18n.t(locale, key, err.details) : errorMessage(err, locale);
}
