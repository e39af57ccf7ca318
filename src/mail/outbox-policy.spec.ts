import {
  afterFailure,
  classifySendError,
  isMailAddress,
  MAX_ATTEMPTS,
  messageIdFor,
  retryDelayMs,
  senderDomain,
} from './outbox-policy';

describe('outbox policy', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it('backs off 1, 5, 25 and 125 minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 5, 25, 125]);
  });

  it('reads SMTP replies as definite answers', () => {
    expect(classifySendError({ responseCode: 451, command: 'DATA', code: 'EMESSAGE' })).toBe('transient');
    expect(classifySendError({ responseCode: 550, command: 'RCPT TO', code: 'EENVELOPE' })).toBe('permanent');
    expect(classifySendError({ responseCode: 535, command: 'AUTH PLAIN', code: 'EAUTH' })).toBe('permanent');
  });

  it('retries when nothing was sent, and calls silence after the data uncertain', () => {
    expect(classifySendError({ code: 'ESOCKET', command: 'CONN' })).toBe('transient');
    expect(classifySendError({ code: 'EDNS' })).toBe('transient');
    expect(classifySendError({ code: 'ENOSPC' })).toBe('transient');
    expect(classifySendError({ code: 'ETIMEDOUT', command: 'DATA' })).toBe('uncertain');
  });

  it('schedules the next attempt, then gives up after the last one', () => {
    expect(afterFailure('transient', 1, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-12-01T10:01:00Z'),
    });
    expect(afterFailure('transient', 3, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-12-01T10:25:00Z'),
    });
    expect(afterFailure('transient', MAX_ATTEMPTS, now)).toEqual({ status: 'failed', nextAttemptAt: null });
    expect(afterFailure('permanent', 1, now).status).toBe('failed');
    expect(afterFailure('uncertain', 1, now).status).toBe('unknown');
  });

  it('derives a stable, valid Message-ID from the idempotency key', () => {
    const a = messageIdFor('invite:group:12:respondent:34:seq:1', 'example.org');
    expect(a).toBe(messageIdFor('invite:group:12:respondent:34:seq:1', 'example.org'));
    expect(a).not.toBe(messageIdFor('invite:group:12:respondent:34:seq:2', 'example.org'));
    expect(a).toMatch(/^<[0-9a-f]{32}@example\.org>$/);
  });

  it('takes the domain from the sender address', () => {
    expect(senderDomain('kwadrant <onderzoek@Kwadrant.example>')).toBe('kwadrant.example');
    expect(senderDomain('plain@example.org')).toBe('example.org');
    expect(senderDomain('no address')).toBe('kwadrant.invalid');
  });

  it('accepts single addresses only', () => {
    expect(isMailAddress('anna@example.org')).toBe(true);
    expect(isMailAddress('anna@example.org, bob@example.org')).toBe(false);
    expect(isMailAddress('anna')).toBe(false);
  });
});
