import { codeProblem, memoProblem, MAX_MEMO_LENGTH, spanProblem } from './coding-rules';

const answers = [
  { question: 'contactWhy', title: 'Waarom?', step: 'Contact', text: 'Ik belde over mijn aanslag' },
  { question: 'emoji', title: 'Hoe?', step: 'Contact', text: 'a😀b' },
];

describe('spanProblem', () => {
  it('accepts a span or the whole answer', () => {
    expect(spanProblem(answers, { question: 'contactWhy', start: 3, end: 8 })).toBeNull();
    expect(spanProblem(answers, { question: 'contactWhy', start: 0, end: answers[0].text.length })).toBeNull();
    expect(spanProblem(answers, { question: 'emoji', start: 1, end: 3 })).toBeNull();
  });

  it('refuses a question without an answer', () => {
    expect(spanProblem(answers, { question: 'other', start: 0, end: 1 })).toBe('no_answer');
  });

  it.each([
    [0, 0],
    [5, 3],
    [-1, 2],
    [0, 27],
    [1.5, 3],
    ['0', 3],
  ])('refuses the span %p..%p', (start, end) => {
    expect(spanProblem(answers, { question: 'contactWhy', start, end })).toBe('span_invalid');
  });

  it('refuses a span that cuts an emoji in half', () => {
    expect(spanProblem(answers, { question: 'emoji', start: 2, end: 4 })).toBe('span_invalid');
    expect(spanProblem(answers, { question: 'emoji', start: 0, end: 2 })).toBe('span_invalid');
  });
});

describe('codeProblem', () => {
  const codes = [
    { id: 1, tekstId: null },
    { id: 2, tekstId: 'OORZAAK_FOUT' },
  ];
  it('accepts a code with a Tekst-ID of the codebook', () => expect(codeProblem(codes, 2)).toBeNull());
  it('refuses a grouping code', () => expect(codeProblem(codes, 1)).toBe('code_not_codable'));
  it('refuses a code of no codebook here', () => {
    expect(codeProblem(codes, 3)).toBe('code_unknown');
    expect(codeProblem(codes, '2')).toBe('code_unknown');
  });
});

describe('memoProblem', () => {
  it('refuses a memo longer than the limit', () => {
    expect(memoProblem('x'.repeat(MAX_MEMO_LENGTH))).toBeNull();
    expect(memoProblem('x'.repeat(MAX_MEMO_LENGTH + 1))).toBe('memo_too_long');
    expect(memoProblem(null)).toBeNull();
  });
});
