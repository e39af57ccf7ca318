import fc from 'fast-check';
import { buildHomeworkDefinition } from '../../surveys/homework-definition';
import { translators } from '../../common/view-engine';
import { answerSpanToSelection, selectionToAnswerSpans } from './answer-spans';
import { codePointLength } from './positions';
import { buildHomeworkSource } from './source-text';

const definition = buildHomeworkDefinition({ organisation: 'Gemeente' }, translators());
const source = buildHomeworkSource({
  definition,
  answers: { contactMoments: 'Ik belde 👍 twee keer.\nDaarna 😐.', goal: 'Een vergunning', goalReason: 'Verbouwing' },
});
const at = (question: string) => source.segments.find((s) => s.question === question)!;

/** What a tool that saves sources with CR LF reports for a position in our text. */
function crlfPosition(text: string, position: number): number {
  const before = [...text].slice(0, position).join('');
  return position + (before.match(/\n/g) ?? []).length;
}

describe(answerSpanToSelection.name, () => {
  it('counts code points of the source, so an emoji before the span counts once', () => {
    const span = { question: 'contactMoments', start: 12, end: 16 };
    expect(source.text.slice(at('contactMoments').start + 12, at('contactMoments').start + 16)).toBe('twee');
    const selection = answerSpanToSelection(source, span)!;
    expect([...source.text].slice(selection.startPosition, selection.endPosition).join('')).toBe('twee');
    expect(selection.startPosition).toBe(codePointLength(source.text.slice(0, at('contactMoments').start)) + 11);
  });

  it('refuses a span of an answer that is not in the source, beyond the answer, or inside an emoji', () => {
    expect(answerSpanToSelection(source, { question: 'contactWhat', start: 0, end: 1 })).toBeNull();
    expect(answerSpanToSelection(source, { question: 'goal', start: 0, end: 16 })).toBeNull();
    expect(answerSpanToSelection(source, { question: 'goal', start: 3, end: 2 })).toBeNull();
    expect(answerSpanToSelection(source, { question: 'goal', start: -1, end: 2 })).toBeNull();
    expect(answerSpanToSelection(source, { question: 'contactMoments', start: 10, end: 12 })).toBeNull();
  });
});

describe(selectionToAnswerSpans.name, () => {
  it('finds the answer and offsets of a selection on our own text', () => {
    const selection = answerSpanToSelection(source, { question: 'goal', start: 4, end: 14 })!;
    expect(selectionToAnswerSpans(source, selection)).toEqual({
      ok: true,
      spans: [{ question: 'goal', start: 4, end: 14 }],
      clipped: false,
    });
  });

  it('maps a selection from a CR LF copy of the source back to the same answer span', () => {
    const theirs = source.text.replace(/\n/g, '\r\n');
    const selection = answerSpanToSelection(source, { question: 'contactMoments', start: 23, end: 33 })!;
    const moved = {
      startPosition: crlfPosition(source.text, selection.startPosition),
      endPosition: crlfPosition(source.text, selection.endPosition),
    };
    expect(moved.startPosition).toBeGreaterThan(selection.startPosition);
    expect(selectionToAnswerSpans(source, moved, theirs)).toEqual({
      ok: true,
      spans: [{ question: 'contactMoments', start: 23, end: 33 }],
      clipped: false,
    });
  });

  it('cuts off titles and splits a selection over several answers', () => {
    const goal = at('goal');
    const reason = at('goalReason');
    const startPosition = codePointLength(source.text.slice(0, goal.start - 10));
    const endPosition = codePointLength(source.text.slice(0, reason.start + 4));
    expect(selectionToAnswerSpans(source, { startPosition, endPosition })).toEqual({
      ok: true,
      spans: [
        { question: 'goal', start: 0, end: 14 },
        { question: 'goalReason', start: 0, end: 4 },
      ],
      clipped: true,
    });
  });

  it('says why a selection cannot be placed', () => {
    const title = codePointLength(source.text.slice(0, 5));
    expect(selectionToAnswerSpans(source, { startPosition: 0, endPosition: title })).toEqual({
      ok: false,
      reason: 'outside-answers',
    });
    const length = codePointLength(source.text);
    expect(selectionToAnswerSpans(source, { startPosition: 0, endPosition: length + 1 })).toEqual({
      ok: false,
      reason: 'outside-text',
    });
    expect(selectionToAnswerSpans(source, { startPosition: 4, endPosition: 3 })).toEqual({
      ok: false,
      reason: 'outside-text',
    });
    expect(selectionToAnswerSpans(source, { startPosition: 0, endPosition: 1 }, 'Een andere tekst')).toEqual({
      ok: false,
      reason: 'text-changed',
    });
  });

  it('brings any span of any answer back exactly, through our text and through a CR LF copy', () => {
    const answerText = fc
      .array(fc.oneof(fc.constantFrom('\n', '\r\n', '👍', 'é', ' ', 'a', 'ß', '𝒜'), fc.string({ maxLength: 4 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((parts) => parts.join(''))
      .filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(answerText, answerText, fc.nat(), fc.nat(), (first, second, a, b) => {
        const built = buildHomeworkSource({ definition, answers: { goal: first, contactWhat: second } });
        const question = a % 2 === 0 ? 'goal' : 'contactWhat';
        const answer = question === 'goal' ? first : second;
        // Offsets on code point boundaries of the answer and not inside a CR LF, as a browser selection gives them.
        const boundaries = [0, ...[...answer].map((_, i) => [...answer].slice(0, i + 1).join('').length)].filter(
          (i) => !(answer[i - 1] === '\r' && answer[i] === '\n'),
        );
        const [start, end] = [boundaries[a % boundaries.length], boundaries[b % boundaries.length]].sort(
          (x, y) => x - y,
        );
        const selection = answerSpanToSelection(built, { question, start, end })!;
        expect(selection).not.toBeNull();
        const ours = selectionToAnswerSpans(built, selection);
        const theirs = selectionToAnswerSpans(
          built,
          {
            startPosition: theirPosition(built.text, selection.startPosition),
            endPosition: theirPosition(built.text, selection.endPosition),
          },
          built.text.replace(/\r?\n/g, '\r\n'),
        );
        for (const mapped of [ours, theirs]) {
          expect(mapped).toEqual({ ok: true, spans: [{ question, start, end }], clipped: false });
        }
      }),
    );
  });
});

/** Like crlfPosition, for a text of ours whose answers may already contain CR LF (those CRs are counted once). */
function theirPosition(text: string, position: number): number {
  const crs = (
    [...text]
      .slice(0, position)
      .join('')
      .match(/\r(?=\n)/g) ?? []
  ).length;
  return crlfPosition(text.replace(/\r\n/g, '\n'), position - crs);
}
