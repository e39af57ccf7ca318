// The sent answers without their free text, as counting reads them: the journey report tallies the choices and
// only needs to know which free-text questions were answered, and so does the coding module for answers it does
// not quote. At 10,000 respondents the free text is some 50 MB that reading and parsing took longer than the
// whole count, so the outline is stored beside the answers when they are sent. Pure: no framework imports.
import { formPages, homeworkForm } from './homework-form';

/** Question name → answer, as the form sends them (HomeworkAnswers). */
type Answers = Record<string, unknown>;

export interface AnswersOutline {
  /** Every answer to a question of the form that is not free text (ratings, choices, yes/no), as sent. */
  choices: Answers;
  /** The form's free-text questions whose answer holds more than blanks, in the form's order. */
  answered: string[];
}

/** As stored: `v` says which version of this function made it; another version is made again from the answers. */
export interface StoredOutline extends AnswersOutline {
  v: number;
}

/** Raise it whenever `answersOutline` gives something else: outlines stored before are then not trusted. */
export const OUTLINE_VERSION = 1;

/** A free-text answer counts as answered when it holds a character other than blanks (a test, not a trim: no copy). */
export const hasText = (value: unknown): value is string => typeof value === 'string' && /\S/.test(value);

const FREE_TEXT_TYPES = new Set(['comment', 'text']);

// Question name → whether it is free text. The form's questions are the same for every organisation (only the
// organisation's name in the texts differs), so one form serves all.
let questionKinds: Map<string, boolean> | undefined;
function kinds(): Map<string, boolean> {
  questionKinds ??= new Map(
    formPages(homeworkForm('').definition, 'nl').flatMap((p) =>
      p.questions.map((q) => [q.name, FREE_TEXT_TYPES.has(q.type)] as const),
    ),
  );
  return questionKinds;
}

/** The outline of sent answers; answers to questions the form does not have are left out (counting reads none). */
export function answersOutline(answers: Answers): AnswersOutline {
  const choices: Answers = {};
  const answered: string[] = [];
  for (const [name, freeText] of kinds()) {
    if (!Object.hasOwn(answers, name)) continue;
    const value = answers[name];
    if (!freeText) choices[name] = value;
    else if (hasText(value)) answered.push(name);
  }
  return { choices, answered };
}

export function storedOutline(answers: Answers): StoredOutline {
  return { v: OUTLINE_VERSION, ...answersOutline(answers) };
}

/** A stored outline that this version made, else null (not stored, made by another version, or not an outline). */
export function currentOutline(stored: unknown): AnswersOutline | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { v, choices, answered } = stored as Partial<StoredOutline>;
  if (v !== OUTLINE_VERSION || typeof choices !== 'object' || choices === null || !Array.isArray(answered)) return null;
  return { choices, answered };
}
