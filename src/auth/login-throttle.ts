// Pure throttle rule: how many recent failures are tolerated before a login is refused.
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function isThrottled(failures: { ip: number; account: number }): boolean {
  return failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.ip >= MAX_FAILURES_PER_IP;
}
