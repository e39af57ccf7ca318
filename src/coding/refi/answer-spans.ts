// Between codings on answers (question, start, end: UTF-16 offsets within the answer, as the coding workspace
// stores them) and REFI-QDA selections (code points of the source text, see positions.ts). Pure.
import { alignSource, codePointIndex, CrLfCounting, toCodePoint } from './positions';
import type { HomeworkSource } from './source-text';

export interface AnswerSpan {
  question: string;
  start: number;
  end: number;
}

export interface SelectionPositions {
  startPosition: number;
  endPosition: number;
}

/** The REFI positions of a span of an answer; null when the answer is not in the source or the span is not in it. */
export function answerSpanToSelection(source: HomeworkSource, span: AnswerSpan): SelectionPositions | null {
  const segment = source.segments.find((s) => s.question === span.question);
  if (!segment) return null;
  const { start, end } = span;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start ||
    segment.start + end > segment.end
  ) {
    return null;
  }
  const startPosition = toCodePoint(source.text, segment.start + start);
  const endPosition = toCodePoint(source.text, segment.start + end);
  return startPosition === null || endPosition === null ? null : { startPosition, endPosition };
}

export type SelectionMapping =
  | {
      ok: true;
      spans: AnswerSpan[];
      /** True when the selection also covered titles or blank lines, now cut off. */ clipped: boolean;
    }
  | { ok: false; reason: 'text-changed' | 'outside-text' | 'outside-answers' };

/**
 * The answer spans a selection covers. `theirText` is the source text as the other tool saved it (omit it for a
 * selection on our own text); positions count code points of that text. A selection over several answers
 * becomes one span per answer; parts over titles or blank lines are cut off.
 */
export function selectionToAnswerSpans(
  source: HomeworkSource,
  selection: SelectionPositions,
  theirText?: string,
  crlf: CrLfCounting = 'two',
): SelectionMapping {
  const toOurs = sourcePositions(source, theirText, crlf);
  return toOurs ? spansAt(source, selection, toOurs) : { ok: false, reason: 'text-changed' };
}

/** Maps their positions to our UTF-16 indices; null when their text is not ours. Made once per source. */
export type PositionMapper = (position: number) => number | null;

export function sourcePositions(
  source: HomeworkSource,
  theirText?: string,
  crlf: CrLfCounting = 'two',
): PositionMapper | null {
  if (theirText === undefined) {
    const index = codePointIndex(source.text);
    return (p) => (Number.isInteger(p) && p >= 0 && p < index.length ? index[p] : null);
  }
  const alignment = alignSource(theirText, source.text, crlf);
  return alignment ? (p) => alignment.toOurs(p) : null;
}

/** The answer spans of a selection, with positions mapped by sourcePositions. */
export function spansAt(
  source: HomeworkSource,
  selection: SelectionPositions,
  toOurs: PositionMapper,
): SelectionMapping {
  const start = toOurs(selection.startPosition);
  const end = toOurs(selection.endPosition);
  if (start === null || end === null || end < start) return { ok: false, reason: 'outside-text' };

  const spans: AnswerSpan[] = [];
  let covered = 0;
  for (const segment of source.segments) {
    const from = Math.max(start, segment.start);
    const to = Math.min(end, segment.end);
    // An empty selection counts where it sits; a non-empty one needs at least one character of the answer.
    if (to > from || (start === end && start >= segment.start && start <= segment.end)) {
      spans.push({ question: segment.question, start: from - segment.start, end: to - segment.start });
      covered += to - from;
    }
  }
  if (spans.length === 0) return { ok: false, reason: 'outside-answers' };
  return { ok: true, spans, clipped: covered < end - start };
}
