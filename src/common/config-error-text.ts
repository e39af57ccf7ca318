import type { ConfigError } from '../config/config-error';
import type { Locale } from './domain';
import { getTranslations } from './view-engine';

/** A bad setting as a person reads it: `config.error` with the problem's own text, in `locale`. */
export function configErrorText(err: ConfigError, locale: Locale): string {
  const i18n = getTranslations();
  return i18n.t(locale, 'config.error', { variable: err.variable, problem: i18n.t(locale, err.key, err.vars) });
}
