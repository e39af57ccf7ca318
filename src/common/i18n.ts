import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Logger } from '@nestjs/common';
import i18next, { type i18n } from 'i18next';
import { LOCALES, type Locale } from './domain';

type Catalogue = Record<string, string>;
export type TextVars = Record<string, unknown>;

/**
 * Translates one key in one reader's language: what TypeScript code receives instead of writing texts itself.
 * It carries that language, for the number and date formats around the texts (LOCALE_TAG).
 */
export interface Translator {
  (key: string, vars?: TextVars): string;
  readonly locale: Locale;
}

/** What happens when a text is asked for by a key neither catalogue has. */
export type UnknownKeyPolicy = 'throw' | ((key: string) => void);

export class UnknownTextKeyError extends Error {
  constructor(readonly key: string) {
    super(`No text has the key "${key}" in templates/locales/nl.`);
  }
}

/** Reads every templates/locales/<locale>/<module>.json into one flat catalogue, so each feature owns its file. */
export function readCatalogue(templatesDir: string, locale: Locale): Catalogue {
  const dir = join(templatesDir, 'locales', locale);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const catalogue: Catalogue = {};
  for (const f of files) Object.assign(catalogue, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Catalogue);
  return catalogue;
}

/**
 * The one message catalogue: every text a person reads, in Dutch and English, by key, formatted by i18next.
 * Variables are written `{name}`; plurals are keys with i18next's suffixes (`key_one`, `key_other`) chosen by
 * `count`. Dutch is the reference and English falls back to it. A key in neither language is a programming
 * mistake: tests throw on it, production logs it once and shows the key.
 */
export class Translations {
  private readonly engine: i18n;
  private readonly catalogues: Record<Locale, Catalogue>;
  private readonly reported = new Set<string>();

  constructor(
    templatesDir: string,
    private readonly onUnknownKey: UnknownKeyPolicy = defaultUnknownKeyPolicy(),
  ) {
    this.catalogues = { nl: readCatalogue(templatesDir, 'nl'), en: readCatalogue(templatesDir, 'en') };
    this.engine = i18next.createInstance();
    void this.engine.init({
      resources: { nl: { translation: this.catalogues.nl }, en: { translation: this.catalogues.en } },
      lng: 'nl',
      fallbackLng: 'nl',
      supportedLngs: [...LOCALES],
      initAsync: false, // the resources are given, so init is synchronous and t works at once
      keySeparator: false, // keys are flat ("nav.logout"), not paths into nested objects
      nsSeparator: false,
      returnNull: false,
      // Handlebars escapes what the helper returns; escaping here too would show "&amp;".
      interpolation: { prefix: '{', suffix: '}', escapeValue: false, skipOnVariables: true },
      // A variable the caller did not give stays visible as "{name}" rather than vanishing from the sentence.
      missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
  }

  /** The text of `key` in `locale` with its variables filled in (and its plural form chosen by `vars.count`). */
  t(locale: Locale, key: string, vars: TextVars = {}): string {
    if (!this.has(key)) return this.unknown(key);
    return String(this.engine.t(key, { ...vars, lng: locale }));
  }

  /** A translator bound to one language, for code that writes texts for one reader. */
  translator(locale: Locale): Translator {
    return Object.assign((key: string, vars?: TextVars) => this.t(locale, key, vars), { locale });
  }

  /** Whether `key` (or its plural forms) names a text, for code that shows a code as a word when it has one. */
  has(key: string): boolean {
    const nl = this.catalogues.nl;
    return key in nl || `${key}_other` in nl;
  }

  /** The text as written in the catalogue, variables unfilled: which variables a sentence needs. */
  template(locale: Locale, key: string): string {
    if (!this.has(key)) return this.unknown(key);
    return (
      this.catalogues[locale][key] ??
      this.catalogues[locale][`${key}_other`] ??
      this.catalogues.nl[key] ??
      this.catalogues.nl[`${key}_other`]
    );
  }

  keys(locale: Locale): string[] {
    return Object.keys(this.catalogues[locale]);
  }

  private unknown(key: string): string {
    if (this.onUnknownKey === 'throw') throw new UnknownTextKeyError(key);
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.onUnknownKey(key);
    }
    return key;
  }
}

/** Tests (Jest sets NODE_ENV=test) fail on an unknown key; a running platform logs it and shows the key. */
function defaultUnknownKeyPolicy(): UnknownKeyPolicy {
  if (process.env.NODE_ENV === 'test') return 'throw';
  const logger = new Logger('Texts');
  return (key) => logger.warn(`No text has the key "${key}"; the key is shown instead.`);
}
