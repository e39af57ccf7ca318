// Homework settings from the environment, validated with the rest of the configuration at start-up. Pure.
import { wholeNumberSetting } from './whole-number-setting';

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
    reminderDays: wholeNumberSetting(env, 'HOMEWORK_REMINDER_DAYS', DEFAULT_REMINDER_DAYS, 0, MAX_REMINDER_DAYS),
    reminderIntervalMinutes: wholeNumberSetting(env, 'HOMEWORK_REMINDER_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}
