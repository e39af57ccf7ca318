// When homework is due (the study's homeworkLeadDays before a session's day) and when the reminder goes out; scheduling
// names the deadline in invitations, homework enforces it. Pure: the clock is passed in.
import { TIME_ZONE } from '../common/format';

const DAY_MS = 86_400_000;

/** Year, month, day of an instant on the Amsterdam calendar. */
function amsterdamDate(d: Date): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/** Minutes Amsterdam is ahead of UTC at this instant (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant midnight starts the given Amsterdam calendar day. */
function amsterdamMidnight(y: number, m: number, d: number): Date {
  const guess = Date.UTC(y, m - 1, d);
  // The offset at midnight itself: one correction is enough because transitions happen at 02:00/03:00.
  return new Date(guess - amsterdamOffsetMinutes(new Date(guess)) * 60_000);
}

/**
 * The letter says "uiterlijk <datum>": the respondent may use that whole day, so the deadline is the end of
 * the Amsterdam calendar day lying leadDays before the session's day.
 */
export function homeworkDeadline(sessionStartsAt: Date, leadDays: number): Date {
  const day = amsterdamDate(sessionStartsAt);
  const noon = new Date(Date.UTC(day.y, day.m - 1, day.d, 12) - leadDays * DAY_MS);
  const due = amsterdamDate(noon);
  // Date.UTC rolls day 32 over into the next month.
  return new Date(amsterdamMidnight(due.y, due.m, due.d + 1).getTime() - 1);
}

/** The reminder is due from reminderDays before the deadline until the deadline. */
export function isReminderDue(deadline: Date, reminderDays: number, now: Date): boolean {
  return now.getTime() >= deadline.getTime() - reminderDays * DAY_MS && now.getTime() < deadline.getTime();
}

export function isPastDeadline(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime();
}
