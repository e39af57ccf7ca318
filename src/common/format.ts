import type { Locale } from './domain';
import { LOCALE_TAG } from './domain';

export const TIME_ZONE = 'Europe/Amsterdam';

/** "di 8 dec 10:00–12:00" in Amsterdam time, the way respondents and researchers read it. */
export function formatSlot(start: Date, end: Date, locale: Locale): string {
  const tag = LOCALE_TAG[locale];
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(start);
  const time = (d: Date) =>
    new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      d,
    );
  return `${day} ${time(start)}–${time(end)}`;
}

export function formatDate(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

export function formatDateTime(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}
