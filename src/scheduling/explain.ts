import { Locale } from '../common/domain';

/** Sessions, daily maxima and every text shown to researchers use this zone unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const labelFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "di 10 mrt 10:00" / "Tue 10 Mar 10:00" in the given zone: weekday and time, with the date because studies span weeks. */
export function formatSlotLabel(start: Date, locale: Locale = 'nl', timeZone = DEFAULT_TIME_ZONE): string {
  const key = `${locale}|${timeZone}`;
  let format = labelFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
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
  const part = (type: Intl.DateTimeFormatPartTypes) => (parts.find((p) => p.type === type)?.value ?? '').replace(/\.$/, '');
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

const NUMBER_WORDS: Record<Locale, string[]> = {
  nl: ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};

export function countWord(n: number, locale: Locale): string {
  return NUMBER_WORDS[locale][n] ?? String(n);
}

function sessions(n: number, locale: Locale): string {
  if (locale === 'nl') return n === 1 ? '1 sessie' : `${n} sessies`;
  return n === 1 ? '1 session' : `${n} sessions`;
}

function groupsMax(n: number, locale: Locale): string {
  if (locale === 'nl') return n === 1 ? 'max. 1 groep' : `max. ${n} groepen`;
  return n === 1 ? 'max. 1 group' : `max. ${n} groups`;
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

export type UnplacedCode = 'no-common-slot' | 'no-free-slot';

const MAX_BLOCKERS_NAMED = 3;

function blockText(b: ModeratorBlock, locale: Locale): string {
  if (locale === 'nl') {
    if (b.cause === 'overlap') return `${b.name}: al in een sessie op dat moment`;
    if (b.cause === 'rest') return `${b.name}: te weinig rust (minimaal ${b.limit} min)`;
    return `${b.name}: dagmaximum van ${sessions(b.limit, locale)} bereikt`;
  }
  if (b.cause === 'overlap') return `${b.name}: already in a session at that time`;
  if (b.cause === 'rest') return `${b.name}: too little rest (at least ${b.limit} min)`;
  return `${b.name}: daily maximum of ${sessions(b.limit, locale)} reached`;
}

/** "di 10 mrt 10:00 mist een tweede moderator (Eva: dagmaximum van 2 sessies bereikt)". */
export function describeSlotDiagnosis(d: SlotDiagnosis, locale: Locale): string {
  const nl = locale === 'nl';
  const problems: string[] = [];
  if (d.capacityFull) problems.push(`${nl ? 'zit vol' : 'is full'} (${groupsMax(d.capacity ?? 0, locale)})`);
  const free = d.freeModeratorIds.length;
  if (free === 1) problems.push(nl ? 'mist een tweede moderator' : 'lacks a second moderator');
  if (free === 0) problems.push(nl ? 'mist twee moderatoren' : 'lacks two moderators');

  const details: string[] = [];
  if (free < 2 && d.moderatorsListing < 2) {
    if (d.moderatorsListing === 1) details.push(nl ? 'maar één moderator kan op dit moment' : 'only one moderator can do this slot');
    else details.push(nl ? 'geen moderator kan op dit moment' : 'no moderator can do this slot');
  }
  if (free < 2) {
    details.push(...d.blocked.slice(0, MAX_BLOCKERS_NAMED).map((b) => blockText(b, locale)));
    const more = d.blocked.length - MAX_BLOCKERS_NAMED;
    if (more > 0) details.push(nl ? `en nog ${more}` : `and ${more} more`);
  }
  const text = `${d.slotLabel} ${problems.join(nl ? ' en ' : ' and ')}`;
  return details.length ? `${text} (${details.join('; ')})` : text;
}

export function describeUnplaced(code: UnplacedCode, memberCount: number, locale: Locale, closest?: SlotDiagnosis): string {
  const members = countWord(memberCount, locale);
  if (locale === 'nl') {
    if (code === 'no-common-slot') return `Geen moment waarop alle ${members} leden beschikbaar zijn.`;
    const base = `Geen moment waarop alle ${members} leden en twee moderatoren vrij zijn`;
    return closest ? `${base}; dichtstbij: ${describeSlotDiagnosis(closest, locale)}.` : `${base}.`;
  }
  if (code === 'no-common-slot') return `No slot where all ${members} members are available.`;
  const base = `No slot where all ${members} members and two moderators are free`;
  return closest ? `${base}; closest: ${describeSlotDiagnosis(closest, locale)}.` : `${base}.`;
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
  | { code: 'moderator-overlap'; name: string; slotLabel: string; otherGroupLabel: string }
  | { code: 'moderator-rest'; name: string; minutes: number; otherGroupLabel: string }
  | { code: 'moderator-daily-max'; name: string; max: number; slotLabel: string };

export type ViolationCode = Violation['code'];

export function describeViolation(v: Violation, locale: Locale): string {
  const nl = locale === 'nl';
  switch (v.code) {
    case 'unknown-group':
      return nl ? `Groep ${v.groupId} bestaat niet.` : `Group ${v.groupId} does not exist.`;
    case 'unknown-slot':
      return nl ? `Moment ${v.slotId} bestaat niet.` : `Slot ${v.slotId} does not exist.`;
    case 'unknown-moderator':
      return nl ? `Moderator ${v.moderatorId} bestaat niet.` : `Moderator ${v.moderatorId} does not exist.`;
    case 'same-moderator':
      return nl
        ? 'Gespreksleider en notulist moeten twee verschillende moderatoren zijn.'
        : 'Lead and note-taker must be two different moderators.';
    case 'members-unavailable':
      return nl
        ? `Niet alle leden van ${v.groupLabel} kunnen op ${v.slotLabel}.`
        : `Not all members of ${v.groupLabel} are available at ${v.slotLabel}.`;
    case 'moderator-unavailable':
      return nl ? `${v.name} kan niet op ${v.slotLabel}.` : `${v.name} is not available at ${v.slotLabel}.`;
    case 'capacity-full':
      return `${v.slotLabel} ${nl ? 'zit vol' : 'is full'} (${groupsMax(v.capacity, locale)}).`;
    case 'moderator-overlap':
      return nl
        ? `${v.name} zit op ${v.slotLabel} al in een sessie (${v.otherGroupLabel}).`
        : `${v.name} is already in a session at ${v.slotLabel} (${v.otherGroupLabel}).`;
    case 'moderator-rest':
      return nl
        ? `${v.name} heeft te weinig rust na of voor ${v.otherGroupLabel} (minimaal ${v.minutes} min).`
        : `${v.name} has too little rest before or after ${v.otherGroupLabel} (at least ${v.minutes} min).`;
    case 'moderator-daily-max':
      return nl
        ? `${v.name} heeft op de dag van ${v.slotLabel} al ${sessions(v.max, locale)} (dagmaximum).`
        : `${v.name} already has ${sessions(v.max, locale)} on the day of ${v.slotLabel} (daily maximum).`;
  }
}
