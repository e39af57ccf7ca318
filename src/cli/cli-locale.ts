import type { Locale } from '../common/domain';
import { environmentLocale } from '../common/environment-locale';
import { getTranslations } from '../common/view-engine';

/**
 * The command line's language: `--lang nl|en` (anywhere on the line), else KWADRANT_LANG, else the locale of the
 * shell (LANG, LC_ALL) when it is Dutch or English, else Dutch. Pure apart from the arguments and environment given.
 */
export function chooseCliLocale(argv: string[], env: NodeJS.ProcessEnv): { locale: Locale; argv: string[] } {
  const rest: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang' && i + 1 < argv.length) chosen = argv[++i];
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { locale: environmentLocale(env, chosen), argv: rest };
}

let current: Locale = 'nl';

export function setCliLocale(locale: Locale): void {
  current = locale;
}

export function cliLocale(): Locale {
  return current;
}

/** A catalogue text in the command line's language. */
export function say(key: string, vars?: Record<string, unknown>): string {
  return getTranslations().t(current, key, vars);
}
