// Researchers type dates and times as they read them on a Dutch clock (native <input type="date"> and
// <input type="time"> send "2026-12-08" and "10:00"). These turn them into instants and back, across the
// changes to and from summer time, without a time-zone library.
import { TIME_ZONE } from './format';

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type LocalTimeProblem = 'date' | 'time' | 'skipped';

/** The wall-clock date and time of an instant in Amsterdam: { date: "2026-12-08", time: "10:00" }. */
export function dutchParts(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instantMs: number): number {
  const { date, time } = dutchParts(new Date(instantMs));
  return Math.round((wallClockAsUtc(date, time) - Math.floor(instantMs / 60_000) * 60_000) / 60_000);
}

function wallClockAsUtc(date: string, time: string): number {
  const [, y, m, d] = DATE_PATTERN.exec(date)!.map(Number);
  const [, hh, mm] = TIME_PATTERN.exec(time)!.map(Number);
  return Date.UTC(y, m - 1, d, hh, mm);
}

/** "2026-02-30" and "2026-13-01" match the pattern but are no day: check the calendar too. */
export function isCalendarDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1900 && y <= 9999 && probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
  );
}

/**
 * The instant a Dutch clock shows `date` `time`. In the autumn hour that happens twice (02:00–02:59 on the last
 * Sunday of October) the first one, still summer time, is meant: that is what a person reading the clock means
 * first. The spring hour that never happens (02:00–02:59 on the last Sunday of March) is refused as 'skipped'
 * rather than silently moved.
 */
export function fromDutchTime(date: string, time: string): { instant: Date } | { problem: LocalTimeProblem } {
  if (!isCalendarDate(date)) return { problem: 'date' };
  if (!TIME_PATTERN.test(time)) return { problem: 'time' };
  const local = wallClockAsUtc(date, time);
  // The offsets in force a day either side cover both possibilities around a change.
  const candidates = [...new Set([offsetMinutes(local - 86_400_000), offsetMinutes(local + 86_400_000)])]
    .map((offset) => local - offset * 60_000)
    .filter((instant) => {
      const back = dutchParts(new Date(instant));
      return back.date === date && back.time === time;
    })
    .sort((a, b) => a - b);
  return candidates.length ? { instant: new Date(candidates[0]) } : { problem: 'skipped' };
}

/** The first instant of a Dutch calendar day (for "from" filters), or null for no valid day. */
export function startOfDutchDay(date: string): Date | null {
  const result = fromDutchTime(date, '00:00');
  return 'instant' in result ? result.instant : null;
}

/** The first instant after a Dutch calendar day (for "to and including" filters), or null for no valid day. */
export function endOfDutchDay(date: string): Date | null {
  if (!isCalendarDate(date)) return null;
  const [, y, m, d] = DATE_PATTERN.exec(date)!.map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return startOfDutchDay(next);
}
