// Double coding: agreement between the coders of a study over its answers, and the answers they disagree on.
// Pure: no framework imports.
//
// The unit is one answer (one question of one respondent's homework): per coder, which codes they applied
// anywhere in it, so a code is present or absent per answer per coder. Spans do not have to match; characters
// are not the unit. A coder who coded at least one answer of a homework has read that whole homework: every
// other codable answer in it counts as "no code" from them (the textbook kappa, which counts uncoded text too).
// A coder who coded nothing in a homework is missing on all its answers.
import { agreementReport, AgreementReport, codedUnits, CoderSegment } from './agreement';

/** One coder-layer coding as the agreement needs it. */
export interface CoderCodingRef {
  assignmentId: number;
  question: string;
  coderId: number;
  /** The code's Tekst-ID (codes are compared by it). */
  code: string;
}

/** A homework and its codable answers (the questions with a non-empty free-text answer). */
export interface HomeworkAnswers {
  assignmentId: number;
  questions: readonly string[];
}

export interface AnswerRef {
  assignmentId: number;
  question: string;
}

export const unitKey = (answer: AnswerRef): string => `${answer.assignmentId}:${answer.question}`;

export function answerOfUnit(unit: string): AnswerRef {
  const colon = unit.indexOf(':');
  return { assignmentId: Number(unit.slice(0, colon)), question: unit.slice(colon + 1) };
}

/**
 * The agreement report over answers: coders are the coder ids as strings, in ascending id order. `homework`
 * gives the codable answers of each homework; a coding on an answer it does not list still counts (the answer is
 * a unit all the same).
 */
export function studyAgreement(
  codings: readonly CoderCodingRef[],
  homework: readonly HomeworkAnswers[],
): AgreementReport {
  const questionsOf = new Map(homework.map((h) => [h.assignmentId, h.questions]));
  const read = new Map<string, Set<number>>();
  for (const c of codings) {
    const coder = String(c.coderId);
    if (!read.has(coder)) read.set(coder, new Set());
    read.get(coder)!.add(c.assignmentId);
  }
  const assigned: Record<string, string[]> = {};
  for (const [coder, assignments] of read) {
    assigned[coder] = [...assignments]
      .sort((a, b) => a - b)
      .flatMap((assignmentId) =>
        (questionsOf.get(assignmentId) ?? []).map((question) => unitKey({ assignmentId, question })),
      );
  }
  const segments: CoderSegment[] = codings.map((c) => ({
    unit: unitKey(c),
    coder: String(c.coderId),
    codes: [c.code],
  }));
  const coders = [...read.keys()].sort((a, b) => Number(a) - Number(b));
  return agreementReport(codedUnits(segments, assigned), coders);
}
