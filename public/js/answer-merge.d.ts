// The shape of answer-merge.js for its TypeScript callers (the unit tests): the script stays plain JavaScript.
export type Answers = Record<string, unknown>;

export function mergeAnswers(
  base: Answers,
  theirs: Answers,
  mine: Answers,
  joinerFor?: (name: string) => string | null,
): { data: Answers; changedInBoth: string[] };
