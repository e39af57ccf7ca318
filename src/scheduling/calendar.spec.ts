import * as ical from 'node-ical';
import { translator } from '../common/view-engine';
import {
  InvitationIcsInput,
  buildFeedIcs,
  buildInvitationIcs,
  formatDuration,
  formatSessionTime,
  moderatorBriefing,
  sessionUid,
} from './calendar';

function parseOnlyEvent(text: string): { event: ical.VEvent; calendar: Record<string, unknown> } {
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return { event: events[0], calendar: parsed.vcalendar as unknown as Record<string, unknown> };
}

const amsterdamTime = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(d);

// Tuesday 10 March 2026, 10:00-12:00 in Amsterdam (CET, UTC+1).
const invitation: InvitationIcsInput = {
  uid: sessionUid(12, 'r345'),
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2026-03-10T09:00:00Z'),
  end: new Date('2026-03-10T11:00:00Z'),
  title: 'Gesprek over uw ervaringen, RET × gemakzoeker; online',
  description: 'Beste Anna,\nWelkom bij het gesprek; de link staat hieronder, tot dan!',
  location: 'Online (videogesprek)',
  url: 'https://kwadrant.example.org/sessie/12?t=abc',
  organizer: { name: 'Onderzoeksteam Kwadrant', email: 'onderzoek@kwadrant.example.org' },
  attendee: { name: 'Anna de Vries', email: 'anna@example.org' },
  stamp: new Date('2026-02-01T08:00:00Z'),
};

describe('sessionUid', () => {
  it('is stable per session and person', () => {
    expect(sessionUid(12, 'r345')).toBe('session-12-r345@kwadrant');
    expect(sessionUid(12, 'm3')).not.toBe(sessionUid(12, 'r345'));
  });

  it('refuses keys that would break the UID', () => {
    expect(() => sessionUid(1, 'a b@c')).toThrow('Invalid person key');
  });
});

describe('buildInvitationIcs', () => {
  it('writes a REQUEST that a real parser reads back with the right instants, UID and SEQUENCE', () => {
    const text = buildInvitationIcs(invitation);
    const { event, calendar } = parseOnlyEvent(text);
    expect(calendar.method).toBe('REQUEST');
    expect(event.method).toBe('REQUEST');
    expect(event.uid).toBe('session-12-r345@kwadrant');
    expect(Number(event.sequence)).toBe(0);
    expect(event.start.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-03-10T11:00:00.000Z');
    expect(amsterdamTime(event.start)).toBe('10-03-2026, 10:00');
    expect(amsterdamTime(event.end!)).toBe('10-03-2026, 12:00');
    expect(event.dtstamp?.toISOString()).toBe('2026-02-01T08:00:00.000Z');
    expect(event.status).toBe('CONFIRMED');
    expect(event.summary).toBe(invitation.title);
    expect(event.description).toBe(invitation.description);
    expect(event.location).toBe(invitation.location);
    expect(event.url).toBe(invitation.url);
  });

  it('names the organizer and one attendee who is asked to respond', () => {
    const { event } = parseOnlyEvent(buildInvitationIcs(invitation));
    const organizer = event.organizer as unknown as { val: string; params: { CN: string } };
    expect(organizer.val.toLowerCase()).toBe('mailto:onderzoek@kwadrant.example.org');
    expect(organizer.params.CN).toBe('Onderzoeksteam Kwadrant');
    const attendee = event.attendee as unknown as { val: string; params: { CN: string; RSVP: string | boolean } };
    expect(attendee.val.toLowerCase()).toBe('mailto:anna@example.org');
    expect(attendee.params.CN).toBe('Anna de Vries');
    expect(String(attendee.params.RSVP).toUpperCase()).toBe('TRUE');
  });

  it('uses CRLF line endings and UTC times', () => {
    const text = buildInvitationIcs(invitation);
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('\r\nDTSTART:20260310T090000Z\r\n');
    expect(text).toContain('\r\nMETHOD:REQUEST\r\n');
  });

  it('keeps the UID and raises SEQUENCE when a session is moved, with the new times', () => {
    const moved = buildInvitationIcs({
      ...invitation,
      sequence: 1,
      // Summer time: 9 June 2026 10:00 in Amsterdam is 08:00 UTC.
      start: new Date('2026-06-09T08:00:00Z'),
      end: new Date('2026-06-09T10:00:00Z'),
    });
    const { event, calendar } = parseOnlyEvent(moved);
    expect(calendar.method).toBe('REQUEST');
    expect(event.uid).toBe(sessionUid(12, 'r345'));
    expect(Number(event.sequence)).toBe(1);
    expect(amsterdamTime(event.start)).toBe('09-06-2026, 10:00');
    expect(amsterdamTime(event.end!)).toBe('09-06-2026, 12:00');
  });

  it('writes a CANCEL for the same UID with a cancelled status and no request to respond', () => {
    const { event, calendar } = parseOnlyEvent(buildInvitationIcs({ ...invitation, method: 'CANCEL', sequence: 2 }));
    expect(calendar.method).toBe('CANCEL');
    expect(event.uid).toBe('session-12-r345@kwadrant');
    expect(Number(event.sequence)).toBe(2);
    expect(event.status).toBe('CANCELLED');
    const attendee = event.attendee as unknown as { params: { RSVP: string | boolean } };
    expect(String(attendee.params.RSVP).toUpperCase()).toBe('FALSE');
  });

  it('stamps the file with the current time when no stamp is given', () => {
    jest.useFakeTimers().setSystemTime(new Date('2026-02-03T10:20:30Z'));
    try {
      const { event } = parseOnlyEvent(buildInvitationIcs({ ...invitation, stamp: undefined }));
      expect(event.dtstamp?.toISOString()).toBe('2026-02-03T10:20:30.000Z');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('buildFeedIcs', () => {
  const stamp = new Date('2026-02-01T08:00:00Z');

  it('publishes a moderator’s sessions, cancelled ones marked as such', () => {
    const text = buildFeedIcs(
      [
        {
          uid: sessionUid(1, 'm3'),
          sequence: 1,
          start: new Date('2026-03-10T09:00:00Z'),
          end: new Date('2026-03-10T11:00:00Z'),
          title: 'Sessie RET × gemakzoeker',
        },
        {
          uid: sessionUid(2, 'm3'),
          start: new Date('2026-03-11T13:00:00Z'),
          end: new Date('2026-03-11T15:00:00Z'),
          title: 'Sessie HTM × informatiezoeker',
          cancelled: true,
        },
      ],
      { calendarName: 'Kwadrant: sessies van Eva', stamp },
    );
    const parsed = ical.sync.parseICS(text);
    expect((parsed.vcalendar as unknown as Record<string, unknown>).method).toBe('PUBLISH');
    expect(text).toContain('\r\nX-WR-CALNAME:Kwadrant: sessies van Eva\r\n');
    const first = parsed['session-1-m3@kwadrant'] as ical.VEvent;
    const second = parsed['session-2-m3@kwadrant'] as ical.VEvent;
    expect(first.start.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(Number(first.sequence)).toBe(1);
    expect(first.status).toBe('CONFIRMED');
    expect(first.summary).toBe('Sessie RET × gemakzoeker');
    expect(second.end?.toISOString()).toBe('2026-03-11T15:00:00.000Z');
    expect(second.status).toBe('CANCELLED');
  });

  it('gives a valid empty calendar for a moderator without sessions', () => {
    const text = buildFeedIcs([], { calendarName: 'Leeg', stamp });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const parsed = ical.sync.parseICS(text);
    expect(Object.values(parsed).filter((c) => c?.type === 'VEVENT')).toHaveLength(0);
  });
});

const nl = translator('nl');
const en = translator('en');

describe('formatSessionTime', () => {
  it('writes the session in Amsterdam time, winter and summer', () => {
    expect(formatSessionTime(invitation.start, invitation.end, nl)).toBe(
      'dinsdag 10 maart 2026, 10:00–12:00 (Nederlandse tijd)',
    );
    expect(formatSessionTime(new Date('2026-06-09T08:00:00Z'), new Date('2026-06-09T10:00:00Z'), en)).toBe(
      'Tuesday, 9 June 2026, 10:00–12:00 (Dutch time)',
    );
  });
});

describe('moderatorBriefing', () => {
  it('lists members by first name and quadrant only', () => {
    const members = [
      { firstName: 'Anna', quadrant: 'gemakzoeker' as const },
      { firstName: 'Bram', quadrant: 'gemakzoeker' as const },
    ];
    expect(
      moderatorBriefing(
        { role: 'lead', groupLabel: 'RET × gemakzoeker', members, prepUrl: 'https://k.example.org/prep/1' },
        nl,
      ),
    ).toBe(
      'Je rol: gespreksleider\nGroep: RET × gemakzoeker\nDeelnemers:\n- Anna (Gemakzoeker)\n- Bram (Gemakzoeker)\n' +
        'Voorbereiding: https://k.example.org/prep/1',
    );
    expect(moderatorBriefing({ role: 'notes', groupLabel: 'RET × gemakzoeker', members }, en)).toBe(
      'Your role: note-taker\nGroup: RET × gemakzoeker\nMembers:\n- Anna (Convenience seeker)\n- Bram (Convenience seeker)',
    );
  });
});

describe('formatDuration', () => {
  it('says whole and half hours in hours, anything else in minutes', () => {
    expect(formatDuration(120, nl)).toBe('2 uur');
    expect(formatDuration(90, nl)).toBe('1,5 uur');
    expect(formatDuration(60, en)).toBe('1 hour');
    expect(formatDuration(150, en)).toBe('2.5 hours');
    expect(formatDuration(45, nl)).toBe('45 minuten');
    expect(formatDuration(100, en)).toBe('100 minutes');
    expect(formatDuration(1, nl)).toBe('1 minuut');
  });
});
