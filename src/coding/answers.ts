// The codable answers of one homework, as the coding workspace shows them: each free-text answer under its
// question's title, grouped by the form's steps. Pure: no framework imports.
//
// The text is the answer as typed, with whatever identifies the respondent masked by "*" of the same length
// (source-text.ts), so offsets in it are offsets in the stored answer and in the REFI-QDA source alike.
import type { Locale } from '../common/domain';
import { formPages } from '../homework/homework-form';
import { HOMEWORK_PERSONAL_QUESTIONS, mask, personalPatterns, wellFormed } from './refi/source-text';

export interface CodableAnswer {
  question: string;
  title: string;
  /** The title of the form's step the question is on. */
  step: string;
  text: string;
}

export interface HomeworkAnswersInput {
  definition: object;
  answers: Record<string, unknown>;
  locale?: Locale;
  personal?: string[];
}

// The same questions the REFI-QDA source holds as codable segments.
const CODABLE_TYPES = new Set(['comment', 'text']);

/** The free-text answers that are not empty, in the order of the form. */
export function codableAnswers(input: HomeworkAnswersInput): CodableAnswer[] {
  const masks = personalPatterns(input.personal ?? []);
  const result: CodableAnswer[] = [];
  for (const page of formPages(input.definition, input.locale ?? 'nl')) {
    for (const question of page.questions) {
      if (!CODABLE_TYPES.has(question.type) || HOMEWORK_PERSONAL_QUESTIONS.includes(question.name)) continue;
      const value = input.answers[question.name];
      if (typeof value !== 'string' || value.trim() === '') continue;
      result.push({
        question: question.name,
        title: question.title,
        step: page.title,
        text: mask(wellFormed(value), masks),
      });
    }
  }
  return result;
}

/** The question titles of the form, by question name (for answers that are listed without their text). */
export function questionTitles(definition: object, locale: Locale = 'nl'): Map<string, string> {
  return new Map(formPages(definition, locale).flatMap((p) => p.questions.map((q) => [q.name, q.title] as const)));
}
