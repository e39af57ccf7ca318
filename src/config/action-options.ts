// Action register settings from the environment, validated with the rest of the configuration at start-up. Pure.
import { wholeNumberSetting } from './whole-number-setting';

export interface ActionOptions {
  /** ACTION_REMINDER_DAYS: days before a milestone that its holders get the one reminder e-mail. */
  reminderDays: number;
  /** ACTION_REMINDER_INTERVAL_MINUTES: how often the app looks for milestones that are near. */
  reminderIntervalMinutes: number;
}

export const DEFAULT_ACTION_REMINDER_DAYS = 7;

export function actionOptions(env: Record<string, string | undefined>): ActionOptions {
  return {
    reminderDays: wholeNumberSetting(env, 'ACTION_REMINDER_DAYS', DEFAULT_ACTION_REMINDER_DAYS, 0, 365),
    reminderIntervalMinutes: wholeNumberSetting(env, 'ACTION_REMINDER_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}
