// The login throttle's rules (OWASP ASVS 2.2.1): counted per account-and-address and per address, never per
// account alone, so guessing from one place cannot lock the account's owner out from another. Past a few free
// failures each further try waits twice as long as the one before. Pure: the clock is passed in.

export interface ThrottlePolicy {
  /** Failures allowed without waiting. */
  freeFailures: number;
  /** The wait after the last free failure; it doubles with each further one, up to maxDelaySeconds. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** One e-mail address tried from one network address: the ordinary guesser, and the owner who mistyped. */
export const PER_ACCOUNT_AND_ADDRESS: ThrottlePolicy = {
  freeFailures: 5,
  baseDelaySeconds: 60,
  maxDelaySeconds: 30 * 60,
};
/** Everything from one network address (a guesser trying many accounts; an office behind one address has room). */
export const PER_ADDRESS: ThrottlePolicy = { freeFailures: 20, baseDelaySeconds: 60, maxDelaySeconds: 30 * 60 };
/** A run of failures is forgotten this long after it began. */
export const WINDOW_HOURS = 24;

export interface ThrottleCounter {
  failures: number;
  windowStartedAt: Date;
  lastAttemptAt: Date;
}

export function addressKey(ip: string): string {
  return `ip:${ip}`;
}

export function accountAddressKey(email: string, ip: string): string {
  return `account-ip:${email.trim().toLowerCase()}|${ip}`;
}

function isCurrent(counter: ThrottleCounter | null, now: Date): counter is ThrottleCounter {
  return !!counter && now.getTime() - counter.windowStartedAt.getTime() < WINDOW_HOURS * 3600_000;
}

/** The wait after `failures` failures (0 while they are free): 1, 2, 4, 8 … minutes, capped. */
export function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.baseDelaySeconds * 2 ** Math.min(failures - policy.freeFailures, 30), policy.maxDelaySeconds);
}

/** Whole seconds until the next try is allowed; 0 when it is allowed now. */
export function secondsToWait(counter: ThrottleCounter | null, policy: ThrottlePolicy, now: Date): number {
  if (!isCurrent(counter, now)) return 0;
  const allowedAt = counter.lastAttemptAt.getTime() + delaySeconds(counter.failures, policy) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}

/**
 * The counter once a try is let through: the try counts as a failure before the password is checked, so a burst
 * of parallel guesses cannot all pass the check (a right password gives it back: see refunded).
 */
export function reserved(counter: ThrottleCounter | null, now: Date): ThrottleCounter {
  if (!isCurrent(counter, now)) return { failures: 1, windowStartedAt: now, lastAttemptAt: now };
  return { ...counter, failures: counter.failures + 1, lastAttemptAt: now };
}

/** The counter after a right password: the reserved try was no failure. */
export function refunded(counter: ThrottleCounter): ThrottleCounter {
  return { ...counter, failures: Math.max(0, counter.failures - 1) };
}
