// A list of record ids as a request carries it: one ticked checkbox arrives as a string, several as an array, and
// the API sends numbers.
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_ID } from './parse-id.pipe';

/** The values as an array (none for an absent or empty field), digit strings as numbers. */
export const toIntArray = ({ value }: { value: unknown }): unknown[] | undefined =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? (value as unknown[]) : [value]).map((v) =>
        typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
      );

/** An optional list of at most `maxItems` record ids, each a whole number from 1 to MAX_ID. */
export const IdList = (maxItems: number) =>
  applyDecorators(
    IsOptional(),
    Transform(toIntArray),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(MAX_ID, { each: true }),
  );
