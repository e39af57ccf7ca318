import { homeworkDeadline, isPastDeadline, isReminderDue } from './homework-deadline';

describe('homework deadline', () => {
  it('is the end of the Amsterdam day lying the lead days before the session (winter time)', () => {
    // Monday 7 December 2026, 10:00 in Amsterdam (UTC+1).
    const deadline = homeworkDeadline(new Date('2026-12-07T09:00:00Z'), 7);
    expect(deadline.toISOString()).toBe('2026-11-30T22:59:59.999Z');
  });

  it('follows summer time', () => {
    // 15 June 2026 10:00 Amsterdam (UTC+2): due 8 June 23:59:59.999 Amsterdam.
    expect(homeworkDeadline(new Date('2026-06-15T08:00:00Z'), 7).toISOString()).toBe('2026-06-08T21:59:59.999Z');
  });

  it('uses the Amsterdam date of a session early in the morning, not the UTC date', () => {
    // 00:30 on 10 March in Amsterdam is still 9 March in UTC.
    expect(homeworkDeadline(new Date('2026-03-09T23:30:00Z'), 1).toISOString()).toBe('2026-03-09T22:59:59.999Z');
  });

  it('crosses the change to summer time', () => {
    // Session 1 April 2026 (summer time), due 25 March (winter time): 23:59:59.999 UTC+1.
    expect(homeworkDeadline(new Date('2026-04-01T08:00:00Z'), 7).toISOString()).toBe('2026-03-25T22:59:59.999Z');
  });

  it('says when the reminder is due and when the deadline has passed', () => {
    const deadline = new Date('2026-11-30T22:59:59.999Z');
    expect(isReminderDue(deadline, 3, new Date('2026-11-27T22:59:00Z'))).toBe(false);
    expect(isReminderDue(deadline, 3, new Date('2026-11-27T23:00:00Z'))).toBe(true);
    expect(isReminderDue(deadline, 3, new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(isPastDeadline(deadline, new Date('2026-11-30T22:59:59.999Z'))).toBe(false);
    expect(isPastDeadline(deadline, new Date('2026-11-30T23:00:00Z'))).toBe(true);
  });
});
