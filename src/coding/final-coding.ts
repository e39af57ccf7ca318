// Which codings of one answer count as its final coding. Pure: no framework imports.
//
// A researcher's settlement (the "final" layer) always wins. Without one, an answer coded by one coder has that
// coder's codings as its final coding; an answer coded by several coders is agreed when they all applied the
// same set of codes (then the first coder's spans count) and unsettled otherwise.

export interface LayeredCoding {
  coderId: number;
  layer: 'coder' | 'final';
  codeId: number;
}

export type AnswerOutcome<T> =
  | { status: 'settled' | 'single' | 'agreed'; codings: T[] }
  | { status: 'unsettled'; coderIds: number[] }
  | { status: 'uncoded' };

/**
 * The outcome for the codings of one answer, in the order they were made (the first coder is the one whose
 * coding comes first).
 */
export function finalCoding<T extends LayeredCoding>(codings: readonly T[]): AnswerOutcome<T> {
  const settled = codings.filter((c) => c.layer === 'final');
  if (settled.length > 0) return { status: 'settled', codings: settled };

  const byCoder = new Map<number, T[]>();
  for (const coding of codings) {
    if (coding.layer !== 'coder') continue;
    const own = byCoder.get(coding.coderId);
    if (own) own.push(coding);
    else byCoder.set(coding.coderId, [coding]);
  }
  const coders = [...byCoder.entries()];
  if (coders.length === 0) return { status: 'uncoded' };
  const [, first] = coders[0];
  if (coders.length === 1) return { status: 'single', codings: first };

  const firstSet = codeSet(first);
  const agreed = coders.every(([, own]) => sameSet(codeSet(own), firstSet));
  return agreed ? { status: 'agreed', codings: first } : { status: 'unsettled', coderIds: coders.map(([id]) => id) };
}

/** The codings grouped per answer (key: assignment and question), each group in the order given. */
export function byAnswer<T extends { assignmentId: number; question: string }>(
  codings: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const coding of codings) {
    const key = answerKey(coding);
    const group = groups.get(key);
    if (group) group.push(coding);
    else groups.set(key, [coding]);
  }
  return groups;
}

export function answerKey(answer: { assignmentId: number; question: string }): string {
  return `${answer.assignmentId}\u0000${answer.question}`;
}

const codeSet = (codings: readonly LayeredCoding[]) => new Set(codings.map((c) => c.codeId));
const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((v) => b.has(v));
