// Query fields that list filters share (audit, outbox, …): a page's filter form sends "" for "any".
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy } from 'class-validator';
import { isCalendarDate } from './dutch-time';
import { parseWholeNumber } from './paging';
import { MAX_ID } from './parse-id.pipe';

export const emptyAsUndefined = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value));

/** A row id in a query string: a plain whole number the database can hold. */
export function IsIdParam(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => parseWholeNumber(value))(target, key);
    IsInt({ message: 'must be a whole number' })(target, key);
    Min(1, { message: 'must be 1 or more' })(target, key);
    Max(MAX_ID, { message: `must be at most ${MAX_ID}` })(target, key);
  };
}

/** A calendar day as a date input sends it: "2026-12-08", read as a day in Dutch time. */
export function IsDayParam(): PropertyDecorator {
  return ValidateBy({
    name: 'isDayParam',
    validator: {
      validate: (value) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => 'must be a date written as YYYY-MM-DD',
    },
  });
}

/** Typed text is matched literally in a LIKE pattern (with ESCAPE '\\'): % and _ are not wildcards here. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
