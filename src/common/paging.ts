// Bounded paging for every list (API and pages): the query's offset and limit, validated strictly, and the
// envelope a paged list answers with.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The most rows one page may ask for. */
export const PAGE_SIZE_MAX = 200;
export const PAGE_SIZE_DEFAULT = 50;
/** Far beyond any list here, and far below the 64-bit limit a database would choke on. */
export const OFFSET_MAX = 1_000_000_000;

/** One page of a list: its rows, how many there are in all, and where this page starts. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/**
 * A query parameter that must be written as a plain whole number ("25", not "2.5e1", "0x19", " 25" or "25abc").
 * Anything else stays a string, so the integer check refuses it with a message instead of coercing it.
 */
export function parseWholeNumber(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  // At most 16 digits: never beyond Number.MAX_SAFE_INTEGER's precision, so the bounds below see the true value.
  return /^(0|[1-9][0-9]{0,15})$/.test(value) ? Number(value) : value;
}

const wholeNumber = () => Transform(({ value }) => parseWholeNumber(value));

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: OFFSET_MAX, default: 0, description: 'how many rows to skip' })
  @IsOptional()
  @wholeNumber()
  @IsInt({ message: 'must be a whole number (0 or more)' })
  @Min(0, { message: 'must be 0 or more' })
  @Max(OFFSET_MAX, { message: `must be at most ${OFFSET_MAX}` })
  offset = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT, description: 'rows per page' })
  @IsOptional()
  @wholeNumber()
  @IsInt({ message: `must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
  @Min(1, { message: `must be from 1 to ${PAGE_SIZE_MAX}` })
  @Max(PAGE_SIZE_MAX, { message: `must be from 1 to ${PAGE_SIZE_MAX}` })
  limit = PAGE_SIZE_DEFAULT;
}

/** One page of a list that is small enough to build whole (its size is bounded by the study's design). */
export function pageOf<T>(items: readonly T[], page: { offset: number; limit: number }): Page<T> {
  return {
    items: items.slice(page.offset, page.offset + page.limit),
    total: items.length,
    offset: page.offset,
    limit: page.limit,
  };
}

/** Every item of a paged list, read a page at a time (for the command line, which prints whole lists). */
export async function allPages<T>(read: (page: { offset: number; limit: number }) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE_MAX) {
    const page = await read({ offset, limit: PAGE_SIZE_MAX });
    items.push(...page.items);
    if (!page.items.length || offset + PAGE_SIZE_MAX >= page.total) return items;
  }
}

export interface PageLinks {
  from: number;
  to: number;
  total: number;
  previous: number | null;
  next: number | null;
}

/** For a page's "1–50 of 120" and its previous/next links (offsets, null where there is none). */
export function pageLinks(page: Pick<Page<unknown>, 'total' | 'offset' | 'limit'> & { count: number }): PageLinks {
  const { total, offset, limit, count } = page;
  return {
    from: count ? offset + 1 : 0,
    to: offset + count,
    total,
    previous: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + count < total ? offset + limit : null,
  };
}
