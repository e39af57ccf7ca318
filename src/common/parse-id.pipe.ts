import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

/** The largest id a row can have: ids are PostgreSQL `integer` columns. */
export const MAX_ID = 2_147_483_647;

/**
 * A row id from the path: a whole number from 1 to MAX_ID, or a 400 with a code. Nest's ParseIntPipe lets
 * "-1", "99999999999999999999" and numbers beyond what the database holds through, to fail there as a 500.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const text = String(value);
    if (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_ID) return Number(text);
    const name = metadata.data ?? 'id';
    const problem = `must be a whole number from 1 to ${MAX_ID}`;
    throw AppError.invalid('request.invalid_id', `${name} ${problem}.`, { [name]: [problem] }, { name, max: MAX_ID });
  }
}
