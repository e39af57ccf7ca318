import type { Locale } from './domain';

/** The cookie that remembers a reader's language once they chose it with ?lang. */
export const LOCALE_COOKIE = 'kw_lang';

export const isLocale = (v: unknown): v is Locale => v === 'nl' || v === 'en';

/**
 * The language of one request, the same for pages, the JSON API and the routes served ahead of Express:
 * `?lang=nl|en` when given, else the `kw_lang` cookie a ?lang once set, else Dutch. Accept-Language is not
 * used: the platform is Dutch first, and a browser set to English must not turn a Dutch respondent's pages
 * English without their choice.
 */
export function requestLocale(lang: unknown, cookie: unknown): Locale {
  if (isLocale(lang)) return lang;
  return isLocale(cookie) ? cookie : 'nl';
}

/** The same from a raw request (no Express): its URL's `lang` and its Cookie header. */
export function rawRequestLocale(url: string | undefined, cookieHeader: string | undefined): Locale {
  const query = (url ?? '').split('?')[1] ?? '';
  const lang = new URLSearchParams(query).get('lang');
  const cookie = /(?:^|;\s*)kw_lang=([^;]*)/.exec(cookieHeader ?? '')?.[1];
  return requestLocale(lang, cookie);
}
