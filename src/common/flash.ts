// The one message a page action leaves for the page it redirects to ("Groep 12 bevestigd"): a locale key and its
// variables in a short-lived cookie, worded in the reader's language when the next page is shown, then cleared.
import type { NextFunction, Request, Response } from 'express';
import type { ProblemText } from './app-error';
import { getTranslations } from './view-engine';

export const FLASH_COOKIE = 'kw_flash';
/** Read on the next page, which follows at once; a message left longer would surprise on a later visit. */
const FLASH_MAX_AGE_MS = 60_000;
/** Only page texts meant as such a message: a hand-made cookie cannot make a page show any other text. */
const FLASH_KEY = /^[a-z][\w-]*(?:\.[\w-]+)*\.done(?:\.[\w-]+)*$/i;

export function setFlash(res: Response, message: ProblemText, secure: boolean): void {
  res.cookie(FLASH_COOKIE, JSON.stringify(message), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: FLASH_MAX_AGE_MS,
  });
}

/** Hands the waiting message to the page's views as `flash` (the layout shows it) and clears it: page requests only. */
export function flashMessages(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const raw: unknown = req.cookies?.[FLASH_COOKIE];
    if (typeof raw === 'string' && req.method === 'GET' && !req.path.startsWith('/api/')) {
      res.clearCookie(FLASH_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      const message = readFlash(raw);
      if (message && getTranslations().has(message.key))
        res.locals.flash = getTranslations().t(req.locale, message.key, message.vars);
    }
    next();
  };
}

export function readFlash(raw: string): ProblemText | null {
  try {
    const parsed = JSON.parse(raw) as Partial<ProblemText>;
    if (typeof parsed?.key !== 'string' || !FLASH_KEY.test(parsed.key)) return null;
    const vars = typeof parsed.vars === 'object' && parsed.vars !== null ? parsed.vars : {};
    // Numbers and short words only: the variables say which group or how many, never a whole text.
    const safe = Object.fromEntries(
      Object.entries(vars).filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && v.length <= 300)),
    );
    return { key: parsed.key, vars: safe };
  } catch {
    return null;
  }
}
