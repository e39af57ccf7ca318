// What makes a coding acceptable, decided before anything is written. Pure: no framework imports.
import type { CodableAnswer } from './answers';

export const MAX_MEMO_LENGTH = 2000;

export type CodingProblem = 'no_answer' | 'span_invalid' | 'code_unknown' | 'code_not_codable' | 'memo_too_long';

export interface SpanInput {
  question: string;
  start: unknown;
  end: unknown;
}

/** A problem with where the span would go, or null: a non-empty span of a non-empty free-text answer. */
export function spanProblem(answers: readonly CodableAnswer[], span: SpanInput): CodingProblem | null {
  const answer = answers.find((a) => a.question === span.question);
  if (!answer) return 'no_answer';
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'span_invalid';
  const [s, e] = [start as number, end as number];
  if (s < 0 || e <= s || e > answer.text.length) return 'span_invalid';
  // A span never splits an emoji or another character written as two UTF-16 units.
  if (splitsPair(answer.text, s) || splitsPair(answer.text, e)) return 'span_invalid';
  return null;
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export interface CodeRef {
  id?: number;
  tekstId: string | null;
}

/** A problem with the code, or null: it is in the study's codebook and can be applied (it has a Tekst-ID). */
export function codeProblem(codes: readonly CodeRef[], codeId: unknown): CodingProblem | null {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return 'code_unknown';
  return code.tekstId === null ? 'code_not_codable' : null;
}

export function memoProblem(memo: string | null | undefined): CodingProblem | null {
  return memo && memo.length > MAX_MEMO_LENGTH ? 'memo_too_long' : null;
}
