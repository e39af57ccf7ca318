import {
  PER_ACCOUNT_AND_ADDRESS,
  PER_ADDRESS,
  ThrottleCounter,
  WINDOW_HOURS,
  accountAddressKey,
  delaySeconds,
  refunded,
  reserved,
  secondsToWait,
} from './login-throttle';

const t0 = new Date('2026-11-30T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function afterFailures(n: number, when = t0): ThrottleCounter | null {
  let counter: ThrottleCounter | null = null;
  for (let i = 0; i < n; i++) counter = reserved(counter, when);
  return counter;
}

describe('login throttle rules', () => {
  it('lets the free failures through without waiting', () => {
    expect(secondsToWait(null, PER_ACCOUNT_AND_ADDRESS, t0)).toBe(0);
    expect(secondsToWait(afterFailures(4), PER_ACCOUNT_AND_ADDRESS, t0)).toBe(0);
    expect(secondsToWait(afterFailures(19), PER_ADDRESS, t0)).toBe(0);
  });

  it('makes the next try wait after the free failures, twice as long each time, up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 40].map((n) => delaySeconds(n, PER_ACCOUNT_AND_ADDRESS))).toEqual([
      60, 120, 240, 480, 960, 1800, 1800, 1800,
    ]);
    expect(delaySeconds(1e9, PER_ADDRESS)).toBe(1800);
    expect(secondsToWait(afterFailures(5), PER_ACCOUNT_AND_ADDRESS, t0)).toBe(60);
    expect(secondsToWait(afterFailures(5), PER_ACCOUNT_AND_ADDRESS, at(59.5))).toBe(1);
    expect(secondsToWait(afterFailures(5), PER_ACCOUNT_AND_ADDRESS, at(60))).toBe(0);
    expect(secondsToWait(afterFailures(6), PER_ACCOUNT_AND_ADDRESS, at(60))).toBe(60);
  });

  it('counts from the last try, so waiting out one delay allows exactly one more', () => {
    const five = afterFailures(5)!;
    const sixth = reserved(five, at(60));
    expect(sixth.failures).toBe(6);
    expect(secondsToWait(sixth, PER_ACCOUNT_AND_ADDRESS, at(61))).toBe(119);
  });

  it(`forgets a run of failures ${WINDOW_HOURS} hours after it began`, () => {
    const many = afterFailures(12)!;
    const later = at(WINDOW_HOURS * 3600);
    expect(secondsToWait(many, PER_ACCOUNT_AND_ADDRESS, later)).toBe(0);
    expect(reserved(many, later)).toEqual({ failures: 1, windowStartedAt: later, lastAttemptAt: later });
  });

  it('gives back the reserved try after a right password', () => {
    expect(refunded(afterFailures(3)!).failures).toBe(2);
    expect(refunded({ failures: 0, windowStartedAt: t0, lastAttemptAt: t0 }).failures).toBe(0);
  });

  it('keys an account by its normalised e-mail and the address', () => {
    expect(accountAddressKey(' Admin@Example.org ', '10.0.0.1')).toBe('account-ip:admin@example.org|10.0.0.1');
  });
});
