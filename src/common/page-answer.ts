import { Redirect } from '@nestjs/common';
import type { ProblemText } from './app-error';

/** A page action's success: 303 See Other to the next page, with a message for it (flash.ts). */
export interface SeeOther {
  url: string;
  statusCode: 303;
  flash?: ProblemText;
}

/** `key` names a locale text ending in `.done…` ("groups.done.confirmed"), shown once on the next page. */
export function seeOther(url: string, key?: string, vars?: Record<string, unknown>): SeeOther {
  return { url, statusCode: 303, ...(key ? { flash: { key, vars } } : {}) };
}

export function isSeeOther(value: unknown): value is SeeOther {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as SeeOther).statusCode === 303 &&
    typeof (value as SeeOther).url === 'string'
  );
}

/** A page action answers with seeOther(…): Nest redirects; the interceptor leaves the message. */
export const PageAction = () => Redirect('', 303);
