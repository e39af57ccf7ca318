import { answerKey, byAnswer, finalCoding, LayeredCoding } from './final-coding';

const coder = (coderId: number, codeId: number, extra: object = {}): LayeredCoding & { span?: string } => ({
  coderId,
  layer: 'coder',
  codeId,
  ...extra,
});
const final = (coderId: number, codeId: number): LayeredCoding => ({ coderId, layer: 'final', codeId });

describe('finalCoding', () => {
  it('has nothing for an answer nobody coded', () => {
    expect(finalCoding([])).toEqual({ status: 'uncoded' });
  });

  it("takes the only coder's codings", () => {
    const codings = [coder(7, 1), coder(7, 2)];
    expect(finalCoding(codings)).toEqual({ status: 'single', codings });
  });

  it('takes the final layer when there is one, whatever the coders did', () => {
    const settled = [final(9, 3)];
    expect(finalCoding([coder(7, 1), coder(8, 2), ...settled])).toEqual({ status: 'settled', codings: settled });
    expect(finalCoding([coder(7, 1), ...settled])).toEqual({ status: 'settled', codings: settled });
  });

  it('leaves an answer unsettled when coders applied different codes', () => {
    expect(finalCoding([coder(7, 1), coder(8, 2)])).toEqual({ status: 'unsettled', coderIds: [7, 8] });
    // One coder applied a code more than the other: still a different set.
    expect(finalCoding([coder(7, 1), coder(7, 2), coder(8, 1)])).toEqual({ status: 'unsettled', coderIds: [7, 8] });
  });

  it("agrees when every coder applied the same set of codes, and then the first coder's spans count", () => {
    const first = [coder(8, 2, { span: 'a' }), coder(8, 1, { span: 'b' })];
    const second = [coder(7, 1, { span: 'c' }), coder(7, 2, { span: 'd' }), coder(7, 2, { span: 'e' })];
    const outcome = finalCoding([first[0], second[0], first[1], ...second.slice(1)]);
    expect(outcome).toEqual({ status: 'agreed', codings: first });
  });
});

describe('byAnswer', () => {
  it('groups by assignment and question, keeping the order', () => {
    const a = { assignmentId: 1, question: 'q1', n: 1 };
    const b = { assignmentId: 1, question: 'q2', n: 2 };
    const c = { assignmentId: 2, question: 'q1', n: 3 };
    const d = { assignmentId: 1, question: 'q1', n: 4 };
    const groups = byAnswer([a, b, c, d]);
    expect([...groups.values()]).toEqual([[a, d], [b], [c]]);
    expect(groups.get(answerKey({ assignmentId: 2, question: 'q1' }))).toEqual([c]);
  });
});
