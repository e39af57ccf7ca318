import { LOCALE_TAG, type Locale } from '../common/domain';
import type { Translator } from '../common/i18n';

/** Sessions, daily maxima and every text shown to researchers use this zone unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const labelFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "di 10 mrt 10:00" / "Tue 10 Mar 10:00" in the given zone: weekday and time, with the date because studies span weeks. */
export function formatSlotLabel(start: Date, locale: Locale = 'nl', timeZone = DEFAULT_TIME_ZONE): string {
  const key = `${locale}|${timeZone}`;
  let format = labelFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    labelFormats.set(key, format);
  }
  const parts = format.formatToParts(start);
  // Some ICU versions end Dutch abbreviations with a dot ("di.", "mrt."): drop it for a steady label.
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    (parts.find((p) => p.type === type)?.value ?? '').replace(/\.$/, '');
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** Local calendar date ("2026-03-10") of an instant: the unit of a moderator's daily maximum. */
export function localDayKey(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** "three members", "12 members": small counts read easier as words (numberWord.0 … numberWord.10). */
export function countWord(n: number, t: Translator): string {
  return Number.isInteger(n) && n >= 0 && n <= 10 ? t(`numberWord.${n}`) : String(n);
}

export type ModeratorBlockCause = 'overlap' | 'rest' | 'daily-max';

export interface ModeratorBlock {
  moderatorId: number;
  name: string;
  cause: ModeratorBlockCause;
  /** Rest minutes for 'rest', sessions per day for 'daily-max'. */
  limit: number;
}

/** Why one slot does not work for a group: the raw facts behind the text. */
export interface SlotDiagnosis {
  slotId: number;
  slotLabel: string;
  capacity: number | null;
  capacityFull: boolean;
  /** How many moderators listed this slot as one they can do. */
  moderatorsListing: number;
  freeModeratorIds: number[];
  blocked: ModeratorBlock[];
}

export type UnplacedCode = 'no-common-slot' | 'slots-started' | 'no-free-slot';

/** What a group the scheduler could not place is waiting for: two free moderators, or a slot with room for it. */
export type UnplacedNeed = 'moderators' | 'slots';

/**
 * Moderators when, at the slot that came closest, fewer than two are free (none listed it, or each is busy, resting or
 * at their daily maximum); slots when the members share no slot that has not begun, or the closest one is full.
 */
export function unplacedNeed(code: UnplacedCode, closest?: SlotDiagnosis): UnplacedNeed {
  return code === 'no-free-slot' && closest !== undefined && closest.freeModeratorIds.length < 2
    ? 'moderators'
    : 'slots';
}

const MAX_BLOCKERS_NAMED = 3;

function blockText(b: ModeratorBlock, t: Translator): string {
  return t(`schedule.explain.block.${b.cause}`, { name: b.name, limit: b.limit, count: b.limit });
}

/** "di 10 mrt 10:00 mist een tweede moderator (Eva: dagmaximum van 2 sessies bereikt)". */
export function describeSlotDiagnosis(d: SlotDiagnosis, t: Translator): string {
  const problems: string[] = [];
  if (d.capacityFull) problems.push(t('schedule.explain.full', { count: d.capacity ?? 0 }));
  const free = d.freeModeratorIds.length;
  if (free === 1) problems.push(t('schedule.explain.lacksSecond'));
  if (free === 0) problems.push(t('schedule.explain.lacksTwo'));

  const details: string[] = [];
  if (free < 2 && d.moderatorsListing < 2)
    details.push(t(d.moderatorsListing === 1 ? 'schedule.explain.oneListing' : 'schedule.explain.noneListing'));
  if (free < 2) {
    details.push(...d.blocked.slice(0, MAX_BLOCKERS_NAMED).map((b) => blockText(b, t)));
    const more = d.blocked.length - MAX_BLOCKERS_NAMED;
    if (more > 0) details.push(t('schedule.explain.more', { count: more }));
  }
  const text = `${d.slotLabel} ${problems.join(t('schedule.explain.and'))}`;
  return details.length ? `${text} (${details.join('; ')})` : text;
}

export function describeUnplaced(
  code: UnplacedCode,
  memberCount: number,
  t: Translator,
  closest?: SlotDiagnosis,
): string {
  const members = countWord(memberCount, t);
  if (code === 'no-common-slot') return t('schedule.explain.noCommonSlot', { members });
  if (code === 'slots-started') return t('schedule.explain.slotsStarted', { members });
  if (!closest) return t('schedule.explain.noFreeSlot', { members });
  return t('schedule.explain.noFreeSlotClosest', { members, closest: describeSlotDiagnosis(closest, t) });
}

/** A rule a manual move or swap breaks; `describeViolation` turns it into a sentence. */
export type Violation =
  | { code: 'unknown-group'; groupId: number }
  | { code: 'unknown-slot'; slotId: number }
  | { code: 'unknown-moderator'; moderatorId: number }
  | { code: 'same-moderator' }
  | { code: 'members-unavailable'; groupLabel: string; slotLabel: string }
  | { code: 'moderator-unavailable'; name: string; slotLabel: string }
  | { code: 'capacity-full'; slotLabel: string; capacity: number }
  | { code: 'slot-started'; slotLabel: string }
  | { code: 'session-started'; groupLabel: string; slotLabel: string }
  | { code: 'moderator-overlap'; name: string; slotLabel: string; otherGroupLabel: string }
  | { code: 'moderator-rest'; name: string; minutes: number; otherGroupLabel: string }
  | { code: 'moderator-daily-max'; name: string; max: number; slotLabel: string };

export type ViolationCode = Violation['code'];

/** The sentence for a broken rule: schedule.violation.<code>, its facts as variables (`count` for plurals). */
export function describeViolation(v: Violation, t: Translator): string {
  const count = v.code === 'capacity-full' ? v.capacity : v.code === 'moderator-daily-max' ? v.max : undefined;
  return t(`schedule.violation.${v.code}`, count === undefined ? { ...v } : { ...v, count });
}
