// Action register settings from the environment, validated with the rest of the configuration at start-up. Pure.
import { ConfigError } from './config-error';

export interface ActionOptions {
  /** ACTION_REMINDER_DAYS: days before a milestone that its holders get the one reminder e-mail. */
  reminderDays: number;
  /** ACTION_REMINDER_INTERVAL_MINUTES: how often the app looks for milestones that are near. */
  reminderIntervalMinutes: number;
}

export const DEFAULT_ACTION_REMINDER_DAYS = 7;

export function actionOptions(env: Record<string, string | undefined>): ActionOptions {
  return {
    reminderDays: wholeNumber(env, 'ACTION_REMINDER_DAYS', DEFAULT_ACTION_REMINDER_DAYS, 0, 365),
    reminderIntervalMinutes: wholeNumber(env, 'ACTION_REMINDER_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}

function wholeNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}
