/**
 * A loosely typed value (a CSV cell, a log field, a form answer) as text: a string as it is, a number, boolean or
 * bigint written out, null and undefined as '', and anything else as JSON rather than "[object Object]".
 */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return value.message;
  return JSON.stringify(value) ?? '';
}
