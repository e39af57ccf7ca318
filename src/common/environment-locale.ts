import type { Locale } from './domain';

/**
 * The language of a process started from a shell (the server, the command line), before any request or option
 * says otherwise: `chosen` (the command line's --lang), else KWADRANT_LANG, else the shell's locale (LC_ALL, LANG)
 * when it is Dutch or English, else Dutch. Pure apart from the environment given.
 */
export function environmentLocale(env: NodeJS.ProcessEnv, chosen?: string): Locale {
  const shell = (env.LC_ALL || env.LANG || '').slice(0, 2).toLowerCase();
  const candidates = [chosen, env.KWADRANT_LANG, shell].map((c) => c?.trim().toLowerCase().slice(0, 2));
  return candidates.find((c): c is Locale => c === 'nl' || c === 'en') ?? 'nl';
}
