// How an import's rows are stored: in batches of one INSERT each, in file order. A row whose e-mail address the
// study already has is stored as a duplicate of that respondent; so a batch ends before a row that repeats an
// address first seen in the same batch, whose respondent has no id until the batch is stored. Pure.

export const IMPORT_BATCH_SIZE = 500;

/** The lower-case address a row is matched on, if any. */
export function emailKey(email: string | undefined): string | undefined {
  return email ? email.trim().toLowerCase() : undefined;
}

/**
 * The end (exclusive) of the batch that starts at `start`: at most `size` rows, and never past a row whose
 * address is new to `known` but already appeared earlier in the batch.
 */
export function batchEnd(
  emails: readonly (string | undefined)[],
  start: number,
  known: ReadonlyMap<string, number>,
  size = IMPORT_BATCH_SIZE,
): number {
  const seen = new Set<string>();
  let end = start;
  while (end < emails.length && end - start < size) {
    const key = emails[end];
    if (key !== undefined && !known.has(key)) {
      if (seen.has(key)) break;
      seen.add(key);
    }
    end++;
  }
  return end;
}
