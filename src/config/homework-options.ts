// Homework settings from the environment, validated with the rest of the configuration at start-up. Pure.
import { ConfigError } from './config-error';

export const HOMEWORK_OPTIONS = Symbol('HOMEWORK_OPTIONS');

export interface HomeworkOptions {
  /** HOMEWORK_REMINDER_DAYS: days before the deadline the reminder goes out, unless the study sets its own. */
  reminderDays: number;
  /** HOMEWORK_REMINDER_INTERVAL_MINUTES: how often the app looks for reminders that are due. */
  reminderIntervalMinutes: number;
}

export const DEFAULT_REMINDER_DAYS = 3;
export const MAX_REMINDER_DAYS = 60;

export function homeworkOptions(env: Record<string, string | undefined>): HomeworkOptions {
  return {
    reminderDays: wholeNumber(env, 'HOMEWORK_REMINDER_DAYS', DEFAULT_REMINDER_DAYS, 0, MAX_REMINDER_DAYS),
    reminderIntervalMinutes: wholeNumber(env, 'HOMEWORK_REMINDER_INTERVAL_MINUTES', 60, 1, 24 * 60),
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
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}
