// One reading of a whole-number setting from the environment, shared by every options file. Pure.
import { ConfigError } from './config-error';

/** The variable's value as a whole number from `min` to `max`; `fallback` when it is unset or blank. */
export function wholeNumberSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  // Digits only: "1e3", "0x10" and "3.0" are numbers to JavaScript but not what a person means by a setting.
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(
      name,
      `must be a whole number from ${min} to ${max}, not "${raw}"`,
      'config.problem.wholeNumber',
      {
        min,
        max,
        value: raw,
      },
    );
  return n;
}
