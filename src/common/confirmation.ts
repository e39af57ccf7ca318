// Destructive page actions ask first. The action's own form posts without `confirm`; the server then does nothing
// and answers with a page that says exactly what would happen (who is e-mailed), whose button posts it again with
// confirm=yes. It works without JavaScript and cannot be skipped by posting directly.
import type { Locale } from './domain';
import { getTranslations } from './view-engine';

export const CONFIRMED = 'yes';

export function isConfirmed(value: unknown): boolean {
  return value === CONFIRMED;
}

export interface ConfirmationText {
  key: string;
  vars?: Record<string, unknown>;
}

export interface Confirmation {
  heading: ConfirmationText;
  /** What will happen, one line each: what changes, who is e-mailed, what is not undone. */
  consequences: ConfirmationText[];
  /** The URL the action posts to (again, with confirm=yes). */
  action: string;
  confirmLabel: ConfirmationText;
  /** Where "no, go back" leads. */
  back: string;
}

/**
 * The answer to a destructive action posted without confirm=yes: nothing was done; the error filter shows the page
 * that says what would happen (200, the request itself was fine). Thrown so the handler stays a delegation.
 */
export class ConfirmationNeeded extends Error {
  constructor(readonly confirmation: Confirmation) {
    super('confirmation needed');
  }
}

/** Runs nothing unless confirmed: otherwise asks first, with what `preview` says would happen. */
export async function unlessConfirmed(
  confirm: unknown,
  preview: () => Promise<Confirmation> | Confirmation,
): Promise<void> {
  if (!isConfirmed(confirm)) throw new ConfirmationNeeded(await preview());
}

/** The confirmation page's view model, in the reader's language. */
export function confirmationModel(locale: Locale, c: Confirmation) {
  const i18n = getTranslations();
  const say = (text: ConfirmationText) => i18n.t(locale, text.key, text.vars);
  const heading = say(c.heading);
  return {
    pageTitle: heading,
    heading,
    consequences: c.consequences.map(say),
    action: c.action,
    confirmLabel: say(c.confirmLabel),
    back: c.back,
    confirmed: CONFIRMED,
    stylesheets: ['/assets/css/forms.css'],
  };
}
