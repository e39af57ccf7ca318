// A study's final coding as the journey report counts it, from plain coding rows. Pure: no framework imports.
//
// Gives the spans CodingQueryService.finalCodings gives (same spans, same order, same codes), without what only
// showing them needs (pseudonyms, memos, code paths): a study of 10,000 respondents has some 200,000 coding
// rows, so they come sorted by answer and are taken answer by answer, without a key per row or a sort of them all.
import { finalCoding, type LayeredCoding } from './final-coding';

/** A coding row, as read for counting. */
export interface RowToCount extends LayeredCoding {
  id: number;
  assignmentId: number;
  respondentId: number;
  question: string;
  start: number;
  end: number;
  shareable: boolean;
}

/** A final coded span: its codes by Tekst-ID, and its masked text only when it may be quoted. */
export interface SpanToCount {
  respondentId: number;
  question: string;
  start: number;
  end: number;
  text: string | null;
  tekstIds: string[];
  shareable: boolean;
}

export interface CountingContext {
  /**
   * The codable answers by assignment and question: their masked text when it may be quoted, else ''. A coding of
   * an answer that is not there (not sent, erased, emptied) is left out.
   */
  answers: ReadonlyMap<number, ReadonlyMap<string, string>>;
  /** The codebook's codes by id, with their Tekst-ID (null for a category); a coding of a code that is gone is left out. */
  codes: ReadonlyMap<number, string | null>;
}

/** One respondent's spans, each with the id of its first row. */
type RespondentSpans = [firstId: number, span: SpanToCount][];

/** The order spansToCount takes rows in: by respondent, assignment and question, then as made (by id). */
export function compareForCounting(a: RowToCount, b: RowToCount): number {
  if (a.respondentId !== b.respondentId) return a.respondentId - b.respondentId;
  if (a.assignmentId !== b.assignmentId) return a.assignmentId - b.assignmentId;
  if (a.question !== b.question) return a.question < b.question ? -1 : 1;
  return a.id - b.id;
}

/** The rows in counting order: as they are when they come so (one look at each), else sorted in place. */
export function inCountingOrder(rows: RowToCount[]): RowToCount[] {
  for (let i = 1; i < rows.length; i++)
    if (compareForCounting(rows[i - 1], rows[i]) > 0) return rows.sort(compareForCounting);
  return rows;
}

/** `rows` must come in counting order (inCountingOrder). */
export function spansToCount(rows: readonly RowToCount[], context: CountingContext): SpanToCount[] {
  const result: SpanToCount[] = [];
  let respondent: RespondentSpans = [];
  for (let from = 0; from < rows.length;) {
    const row = rows[from];
    let to = from + 1;
    while (to < rows.length && rows[to].assignmentId === row.assignmentId && rows[to].question === row.question) to++;
    if (respondent.length > 0 && respondent[0][1].respondentId !== row.respondentId) {
      flush(respondent, result);
      respondent = [];
    }
    const text = context.answers.get(row.assignmentId)?.get(row.question);
    if (text !== undefined) addAnswer(rows, from, to, text, context, respondent);
    from = to;
  }
  flush(respondent, result);
  return result;
}

/** A respondent's spans in the order of their first rows, as finalCodings lists them. */
function flush(respondent: RespondentSpans, result: SpanToCount[]): void {
  if (respondent.length > 1) respondent.sort((a, b) => a[0] - b[0]);
  for (const [, span] of respondent) {
    span.text = span.shareable ? span.text!.slice(span.start, span.end) : null;
    result.push(span);
  }
}

/** The spans of one answer's final coding, rows [from, to). */
function addAnswer(
  rows: readonly RowToCount[],
  from: number,
  to: number,
  text: string,
  context: CountingContext,
  respondent: RespondentSpans,
): void {
  const counted = finalRowsOf(rows, from, to);
  if (!counted) return;
  const first = respondent.length;
  const sameSpan: RowToCount[] = [];
  for (const row of counted) {
    const tekstId = context.codes.get(row.codeId);
    if (tekstId === undefined) continue;
    // An answer has a handful of spans: looking them over is cheaper than a key per row.
    let s = 0;
    while (s < sameSpan.length && !isSame(sameSpan[s], row)) s++;
    if (s === sameSpan.length) {
      sameSpan.push(row);
      const span: SpanToCount = {
        respondentId: row.respondentId,
        question: row.question,
        start: row.start,
        end: row.end,
        text,
        tekstIds: [],
        shareable: false,
      };
      respondent.push([row.id, span]);
    }
    const [, span] = respondent[first + s];
    if (tekstId) span.tekstIds.push(tekstId);
    span.shareable ||= row.shareable;
  }
}

/** The rows of the answer's final coding (final-coding.ts), or null when it has none. */
function finalRowsOf(rows: readonly RowToCount[], from: number, to: number): readonly RowToCount[] | null {
  // Most answers are coded by one coder and not settled: then every row counts, without building the outcome.
  let single = true;
  for (let i = from; i < to && single; i++)
    single = rows[i].layer === 'coder' && rows[i].coderId === rows[from].coderId;
  const answer = rows.slice(from, to);
  if (single) return answer;
  const outcome = finalCoding(answer);
  return outcome.status === 'settled' || outcome.status === 'single' || outcome.status === 'agreed'
    ? outcome.codings
    : null;
}

const isSame = (a: RowToCount, b: RowToCount) =>
  a.start === b.start && a.end === b.end && a.coderId === b.coderId && a.layer === b.layer;
