import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Locale } from './domain';

type Dictionary = Record<string, string>;

/**
 * Page texts per locale: every templates/locales/<locale>/<module>.json merged, so each feature owns its file.
 * Dutch is the reference; English falls back to it.
 */
export class Translations {
  private readonly dictionaries: Record<Locale, Dictionary>;

  constructor(templatesDir: string) {
    const load = (l: Locale): Dictionary => {
      const dir = join(templatesDir, 'locales', l);
      const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
      return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Dictionary));
    };
    this.dictionaries = { nl: load('nl'), en: load('en') };
  }

  /** Unknown keys come back as they are, so a literal text (e.g. a study title) can be passed where a key is expected. */
  t(locale: Locale, key: string, vars: Record<string, unknown> = {}): string {
    const text = this.dictionaries[locale]?.[key] ?? this.dictionaries.nl[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] === undefined ? m : String(vars[name])));
  }

  keys(locale: Locale): string[] {
    return Object.keys(this.dictionaries[locale]);
  }
}
