import fc from 'fast-check';
import { compareForCounting, inCountingOrder, spansToCount, type RowToCount } from './spans-to-count';

const row = (id: number, respondentId: number, question: string, start: number, codeId: number): RowToCount => ({
  id,
  assignmentId: respondentId + 100,
  respondentId,
  question,
  start,
  end: start + 5,
  codeId,
  coderId: 1,
  layer: 'coder',
  shareable: false,
});

// Two respondents, two answers each, a span with two codes and one with one.
const ROWS = [
  row(1, 1, 'goal', 0, 10),
  row(4, 1, 'goal', 0, 11),
  row(2, 1, 'contactWhat', 3, 10),
  row(3, 2, 'goal', 7, 12),
  row(5, 2, 'goal', 9, 11),
  row(6, 2, 'contactHow', 1, 10),
].sort(compareForCounting);
const CONTEXT = {
  answers: new Map([
    [
      101,
      new Map([
        ['goal', ''],
        ['contactWhat', ''],
      ]),
    ],
    [
      102,
      new Map([
        ['goal', ''],
        ['contactHow', ''],
      ]),
    ],
  ]),
  codes: new Map([
    [10, 'CONS_VZC_FACT_INFO'],
    [11, 'OORZAAK_FOUT'],
    [12, 'OORZAAK_NODIG'],
  ]),
};

describe('inCountingOrder', () => {
  it('takes rows that come in counting order as they are, without sorting them', () => {
    const rows = [...ROWS];
    expect(inCountingOrder(rows)).toBe(rows);
    expect(rows).toEqual(ROWS);
  });

  it('sorts rows that do not, so that any order the database gives counts the same', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ROWS, { minLength: ROWS.length }), (shuffled) => {
        expect(spansToCount(inCountingOrder([...shuffled]), CONTEXT)).toEqual(spansToCount(ROWS, CONTEXT));
      }),
    );
    expect(spansToCount(ROWS, CONTEXT).map((s) => [s.respondentId, s.question, s.tekstIds])).toEqual([
      [1, 'goal', ['CONS_VZC_FACT_INFO', 'OORZAAK_FOUT']],
      [1, 'contactWhat', ['CONS_VZC_FACT_INFO']],
      [2, 'goal', ['OORZAAK_NODIG']],
      [2, 'goal', ['OORZAAK_FOUT']],
      [2, 'contactHow', ['CONS_VZC_FACT_INFO']],
    ]);
  });
});
