import { EventAttributes, createEvents } from 'ics';
import { LOCALE_TAG, Quadrant } from '../common/domain';
import type { Translator } from '../common/i18n';
import { DEFAULT_TIME_ZONE } from './explain';

const PRODUCT_ID = '-//kwadrant//scheduling//NL';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface InvitationIcsInput {
  /** Same for every version of one person's invitation to one session: see sessionUid. */
  uid: string;
  /** 0 for the first invitation; higher for each reschedule and for the cancellation. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
  /** DTSTAMP, when this version was made; defaults to now. */
  stamp?: Date;
}

export interface FeedEvent {
  uid: string;
  sequence?: number;
  start: Date;
  end: Date;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
}

export interface FeedOptions {
  calendarName: string;
  stamp?: Date;
}

/** `session-<groupId>-<personKey>@kwadrant`: stable across reschedules so calendars update the event instead of adding one. */
export function sessionUid(groupId: number, personKey: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(personKey)) throw new Error(`Invalid person key for a calendar UID: ${personKey}`);
  return `session-${groupId}-${personKey}@kwadrant`;
}

// `ics` types leave out `timestamp` (DTSTAMP) although the library accepts it; we set it so a version's file is reproducible.
type EventWithStamp = EventAttributes & { timestamp: number };

function toIcs(events: EventWithStamp[], header: { method: string; calName?: string }): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, ...header });
  if (error || value === null) throw error ?? new Error('Could not build the calendar file');
  return value;
}

/**
 * One person's invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for one session.
 * Times are written in UTC ("Z"), which every calendar converts to the reader's zone; no VTIMEZONE is needed.
 */
export function buildInvitationIcs(input: InvitationIcsInput): string {
  const event: EventWithStamp = {
    uid: input.uid,
    sequence: input.sequence,
    timestamp: (input.stamp ?? new Date()).getTime(),
    start: input.start.getTime(),
    end: input.end.getTime(),
    title: input.title,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: input.organizer.name, email: input.organizer.email },
    // ROLE and PARTSTAT are left to their defaults (REQ-PARTICIPANT, NEEDS-ACTION): `ics` would quote them, which some clients dislike.
    attendees: [{ name: input.attendee.name, email: input.attendee.email, rsvp: input.method === 'REQUEST' }],
  };
  return toIcs([event], { method: input.method });
}

/** A moderator's subscribable feed (METHOD:PUBLISH); an empty list still gives a valid, empty calendar. */
export function buildFeedIcs(events: FeedEvent[], options: FeedOptions): string {
  const timestamp = (options.stamp ?? new Date()).getTime();
  return toIcs(
    events.map((e) => ({
      uid: e.uid,
      sequence: e.sequence ?? 0,
      timestamp,
      start: e.start.getTime(),
      end: e.end.getTime(),
      title: e.title,
      description: e.description,
      location: e.location,
      url: e.url,
      status: e.cancelled ? 'CANCELLED' : 'CONFIRMED',
    })),
    { method: 'PUBLISH', calName: options.calendarName },
  );
}

/** "dinsdag 10 maart 2026, 10:00–12:00 (Nederlandse tijd)" for mails and event descriptions. */
export function formatSessionTime(start: Date, end: Date, t: Translator, timeZone = DEFAULT_TIME_ZONE): string {
  const tag = LOCALE_TAG[t.locale];
  const date = new Intl.DateTimeFormat(tag, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(start);
  const time = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zone = timeZone === DEFAULT_TIME_ZONE ? t('time.dutchZone') : timeZone;
  return `${date}, ${time.format(start)}–${time.format(end)} (${zone})`;
}

/** "2 uur", "1,5 uur", "45 minuten": whole and half hours read easier than 120 or 90 minutes. */
export function formatDuration(minutes: number, t: Translator): string {
  if (minutes < 60 || minutes % 30 !== 0) return t('time.minutes', { count: minutes });
  const hours = minutes / 60;
  return t('time.hours', { count: hours, hours: hours.toLocaleString(LOCALE_TAG[t.locale]) });
}

export interface ModeratorBriefingInput {
  role: 'lead' | 'notes';
  groupLabel: string;
  /** First names only: moderators see no more about members before the session. */
  members: { firstName: string; quadrant: Quadrant }[];
  prepUrl?: string;
}

/** Event description for a moderator's invitation or feed: their role and the members by first name and quadrant. */
export function moderatorBriefing(input: ModeratorBriefingInput, t: Translator): string {
  const role = t(input.role === 'lead' ? 'moderatorRole.lead' : 'moderatorRole.noteTaker');
  const lines = [
    `${t('mail.moderator.role')} ${role}`,
    `${t('mail.moderator.group')} ${input.groupLabel}`,
    t('mail.moderator.members'),
    ...input.members.map((m) => `- ${m.firstName} (${t(`quadrant.${m.quadrant}`)})`),
  ];
  if (input.prepUrl) lines.push(t('calendar.preparation', { url: input.prepUrl }));
  return lines.join('\n');
}
