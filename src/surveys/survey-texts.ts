// Texts in SurveyJS's own two-language format, made from the message catalogue. Pure: the caller passes the
// translators, so the form definitions stay framework-free and never hold a text themselves.
import type { TextVars, Translator } from '../common/i18n';

/** A SurveyJS string in both languages: `default` is Dutch (the page and the validator set SurveyJS's default locale to nl). */
export interface LocalisedText {
  default: string;
  en: string;
}

export const localised = (nl: string, en: string): LocalisedText => ({ default: nl, en });

/** A form's two languages: SurveyJS carries both in one definition. */
export interface SurveyTexts {
  nl: Translator;
  en: Translator;
}

/** One catalogue text in both languages. */
export const both = (t: SurveyTexts, key: string, vars?: TextVars): LocalisedText =>
  localised(t.nl(key, vars), t.en(key, vars));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
