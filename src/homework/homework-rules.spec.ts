import { canEdit, homeworkStatus, linkClosedReason } from './homework-rules';

const base = {
  deadline: new Date('2026-11-30T23:00:00Z'),
  revision: 0,
  submittedAt: null,
  late: false,
  enteredFromPaper: false,
};
const before = new Date('2026-11-29T12:00:00Z');
const after = new Date('2026-12-02T12:00:00Z');

describe('homework rules', () => {
  it('name the status a researcher sees', () => {
    expect(homeworkStatus(base)).toBe('not-started');
    expect(homeworkStatus({ ...base, revision: 3 })).toBe('draft');
    expect(homeworkStatus({ ...base, revision: 4, submittedAt: before })).toBe('submitted');
    expect(homeworkStatus({ ...base, revision: 4, submittedAt: after, late: true })).toBe('late');
    expect(homeworkStatus({ ...base, revision: 1, submittedAt: after, late: true, enteredFromPaper: true })).toBe(
      'paper',
    );
    expect(homeworkStatus({ ...base, revision: 1, submittedAt: before, answerSource: 'import' })).toBe('imported');
    // A respondent who sends the form again after an import makes it theirs.
    expect(homeworkStatus({ ...base, revision: 2, submittedAt: before, answerSource: 'online' })).toBe('submitted');
  });

  it('let answers change until the deadline, and a late first submission after it', () => {
    expect(canEdit({ ...base, submittedAt: before }, before)).toBe(true);
    expect(canEdit({ ...base, submittedAt: before }, after)).toBe(false);
    expect(canEdit(base, after)).toBe(true);
  });

  it('close the link when the study is closed or the respondent erased', () => {
    expect(linkClosedReason({ erasedAt: null, studyClosed: false })).toBeNull();
    expect(linkClosedReason({ erasedAt: null, studyClosed: true })).toBe('study-closed');
    expect(linkClosedReason({ erasedAt: after, studyClosed: false })).toBe('erased');
    // Erasure says more than closing: the answers are gone, not only kept from changing.
    expect(linkClosedReason({ erasedAt: after, studyClosed: true })).toBe('erased');
  });
});
