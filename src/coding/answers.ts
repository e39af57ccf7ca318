// The codable answers of one homework, as the coding workspace shows them: each free-text answer under its
// question's title, grouped by the form's steps. Pure: no framework imports.
//
// The text is the answer as typed, with whatever identifies the respondent masked by "*" of the same length
// (source-text.ts), so offsets in it are offsets in the stored answer and in the REFI-QDA source alike.
import type { Locale } from '../common/domain';
import { hasText } from '../homework/answers-outline';
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
  /**
   * false leaves every text empty: which questions were answered, without masking the answers (the costly part).
   * For callers that only count or look up; nothing unmasked ever leaves this function.
   */
  withText?: boolean;
}

// The same questions the REFI-QDA source holds as codable segments.
const CODABLE_TYPES = new Set(['comment', 'text']);

const isCodableQuestion = (q: { type: string; name: string }) =>
  CODABLE_TYPES.has(q.type) && !HOMEWORK_PERSONAL_QUESTIONS.includes(q.name);

/** An answer with text to code: not empty, not only blanks (what homework's outline counts as answered). */
export const isCodable = hasText;

/** The names of the form's codable questions, in its order: whose answers `codableAnswers` gives when not empty. */
export function codableQuestions(definition: object): string[] {
  return pagesOf(definition, 'nl').flatMap((p) => p.questions.filter(isCodableQuestion).map((q) => q.name));
}

/** The free-text answers that are not empty, in the order of the form. */
export function codableAnswers(input: HomeworkAnswersInput): CodableAnswer[] {
  const withText = input.withText ?? true;
  const masks = withText ? personalPatterns(input.personal ?? []) : [];
  const result: CodableAnswer[] = [];
  for (const page of pagesOf(input.definition, input.locale ?? 'nl')) {
    for (const question of page.questions) {
      if (!isCodableQuestion(question)) continue;
      const value = input.answers[question.name];
      if (!isCodable(value)) continue;
      result.push({
        question: question.name,
        title: question.title,
        step: page.title,
        text: withText ? mask(wellFormed(value), masks) : '',
      });
    }
  }
  return result;
}

// A study's homework shares one form per organisation: its pages are read once per form object, not once per answer.
const pagesByForm = new WeakMap<object, Partial<Record<Locale, ReturnType<typeof formPages>>>>();
function pagesOf(definition: object, locale: Locale): ReturnType<typeof formPages> {
  const known = pagesByForm.get(definition) ?? {};
  pagesByForm.set(definition, known);
  return (known[locale] ??= formPages(definition, locale));
}

/** The question titles of the form, by question name (for answers that are listed without their text). */
export function questionTitles(definition: object, locale: Locale = 'nl'): Map<string, string> {
  return new Map(formPages(definition, locale).flatMap((p) => p.questions.map((q) => [q.name, q.title] as const)));
}
