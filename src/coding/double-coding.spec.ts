import { answerOfUnit, CoderCodingRef, studyAgreement, unitKey } from './double-coding';

const coding = (assignmentId: number, question: string, coderId: number, code: string): CoderCodingRef => ({
  assignmentId,
  question,
  coderId,
  code,
});

describe(studyAgreement.name, () => {
  const homework = [
    { assignmentId: 1, questions: ['a', 'b', 'c'] },
    { assignmentId: 2, questions: ['a', 'b'] },
  ];

  it('counts the answers of a homework a coder worked in as "no code" where they applied none', () => {
    const report = studyAgreement([coding(1, 'a', 7, 'X'), coding(1, 'a', 9, 'X'), coding(1, 'b', 9, 'Y')], homework);
    expect(report.coders).toEqual(['7', '9']);
    // Homework 1's three answers are units for both; homework 2 was read by neither.
    expect(report.units).toBe(3);
    expect(report.disagreements).toEqual([{ unit: '1:b', codes: { '7': [], '9': ['Y'] }, differing: ['Y'] }]);
    // Units: a {X}/{X}, b {}/{Y}, c {}/{} → 2 of 3 agree.
    expect(report.overall.kappa?.observed).toBeCloseTo(2 / 3, 12);
  });

  it('leaves a coder out of a homework they did not code at all (missing, not "no code")', () => {
    const report = studyAgreement([coding(1, 'a', 7, 'X'), coding(1, 'a', 9, 'X'), coding(2, 'a', 9, 'X')], homework);
    expect(report.units).toBe(3);
    expect(report.overall.kappa?.units).toBe(3);
  });

  it('several spans of one code in an answer are one presence; spans need not match', () => {
    const report = studyAgreement(
      [
        coding(1, 'a', 1, 'X'),
        coding(1, 'a', 1, 'X'),
        coding(1, 'a', 2, 'X'),
        coding(1, 'b', 2, 'Y'),
        coding(1, 'b', 1, 'Y'),
      ],
      homework,
    );
    expect(report.disagreements).toEqual([]);
    expect(report.overall.alpha.value).toBe(1);
  });

  it('gives the classic κ = 0.40 when 50 answers are coded as in the textbook table', () => {
    const questions = Array.from({ length: 50 }, (_, i) => `q${i}`);
    const codings: CoderCodingRef[] = [];
    // 20 both, 5 only coder 1, 10 only coder 2, 15 neither; both coders also apply "Z" everywhere so they read it.
    questions.forEach((q, i) => {
      codings.push(coding(1, q, 1, 'Z'), coding(1, q, 2, 'Z'));
      if (i < 25) codings.push(coding(1, q, 1, 'Y'));
      if (i < 20 || (i >= 25 && i < 35)) codings.push(coding(1, q, 2, 'Y'));
    });
    const report = studyAgreement(codings, [{ assignmentId: 1, questions }]);
    const y = report.perCode.find((c) => c.code === 'Y')!;
    expect(y.kappa?.value).toBeCloseTo(0.4, 12);
    expect(y.kappa?.units).toBe(50);
    expect(report.perCode.find((c) => c.code === 'Z')!.disagreements).toBe(0);
  });

  it('keys a unit by homework and question, and reads the key back', () => {
    expect(unitKey({ assignmentId: 12, question: 'why:now' })).toBe('12:why:now');
    expect(answerOfUnit('12:why:now')).toEqual({ assignmentId: 12, question: 'why:now' });
  });
});
