// One respondent's homework as the plain text of a REFI-QDA source: each answer under its question's title,
// grouped by the form's steps, with a map of where every codable answer sits. Pure: no framework imports.
//
// Answers are copied verbatim, so an offset within an answer (what the coding workspace stores) and a
// position in the source differ only by where the answer starts. What identifies a respondent never enters the
// text: the first-name question is left out, and names, e-mail addresses, phone numbers, tokens and codes the
// caller passes are masked wherever a respondent typed them into an answer, with as many "*" as they have
// characters (so the answer keeps its length and every offset stays exact).
import type { Locale } from '../../common/domain';
import { answerText, formPages } from '../../homework/homework-form';

/** Questions whose answers are about the person, not the contact: never part of a source. */
export const HOMEWORK_PERSONAL_QUESTIONS: readonly string[] = ['firstName'];

/** Where one answer sits in the source text, as UTF-16 indices (text.slice(start, end) is the answer). */
export interface SourceSegment {
  question: string;
  start: number;
  end: number;
}

export interface HomeworkSource {
  text: string;
  /** The codable answers (free text), in the order of the text. */
  segments: SourceSegment[];
}

export interface HomeworkSourceInput {
  /** The SurveyJS homework form the respondent answered. */
  definition: object;
  answers: Record<string, unknown>;
  /** The language of the titles; the answers stay as typed. */
  locale?: Locale;
  /** Strings that identify the respondent (name, e-mail, phone, token, code): masked if an answer has them. */
  personal?: string[];
}

const CODABLE_TYPES = new Set(['comment', 'text']);

/** The source text and its answer map for one homework. */
export function buildHomeworkSource(input: HomeworkSourceInput): HomeworkSource {
  const masks = personalPatterns(input.personal ?? []);
  const blocks: string[] = [];
  const segments: SourceSegment[] = [];
  let length = 0;
  const add = (block: string) => {
    if (blocks.length > 0) length += 2; // the blank line between blocks
    blocks.push(block);
    length += block.length;
  };

  for (const page of formPages(input.definition, input.locale ?? 'nl')) {
    let headed = false;
    for (const question of page.questions) {
      if (HOMEWORK_PERSONAL_QUESTIONS.includes(question.name)) continue;
      const value = input.answers[question.name];
      const codable = CODABLE_TYPES.has(question.type);
      const answer = codable ? (typeof value === 'string' ? value : '') : answerText(question, value);
      if (answer.trim() === '') continue;
      if (!headed) {
        add(page.title);
        headed = true;
      }
      const block = `${question.title}\n${mask(wellFormed(answer), masks)}`;
      add(block);
      if (codable) segments.push({ question: question.name, start: length - answer.length, end: length });
    }
  }
  return { text: blocks.join('\n\n') + '\n', segments };
}

/**
 * A lone surrogate (half an emoji, left by a broken paste) cannot be written as UTF-8: the archive would hold
 * U+FFFD instead and the text would no longer match ours on import. It becomes U+FFFD here, one unit for one.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Replaces every occurrence of the personal strings by "*" of the same length, where it stands alone: not inside a
 * longer word or number ("Jan" is masked in "Jan belde", not in "Januari").
 */
export function mask(text: string, patterns: RegExp[]): string {
  return patterns.reduce(maskAlone, text);
}

// A letter or digit of any script, compiled once. The patterns are made per respondent, and a pattern that held
// these classes itself (as look-behind and look-ahead, case-insensitive) took milliseconds to compile: seconds for
// a study's homework on every report.
const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/** Masks the matches of one pattern that no letter or digit touches; a touched one is passed over by one character. */
function maskAlone(text: string, pattern: RegExp): string {
  let masked = '';
  let done = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    const touched =
      found[0] === '' ||
      LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ||
      LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2));
    if (touched) {
      // The next try starts one character (code point) later, as the look-behind's search did.
      pattern.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    masked += text.slice(done, start) + '*'.repeat(end - start);
    done = end;
    pattern.lastIndex = end;
  }
  return masked + text.slice(done);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A personal string's pattern; `mask` checks that it stands alone. */
const alone = (body: string) => new RegExp(`(?:${body})`, 'giu');

/** Patterns for the personal strings; a phone number also matches when typed with other spaces or dashes. */
export function personalPatterns(personal: string[]): RegExp[] {
  const patterns: RegExp[] = [];
  for (const raw of personal) {
    const value = raw.trim();
    if (value === '') continue;
    patterns.push(alone(escapeRegExp(value)));
    const digits = value.replace(/\D/g, '');
    if (/^[+\d\s().-]+$/.test(value) && digits.length >= 6) {
      // Phone numbers: the national part (without +31/0031/0) with any separators between the digits.
      const national = digits.replace(/^(00\d\d|\+?31|0)/, '');
      patterns.push(
        alone(`(?:(?:\\+|00)\\d{2}[\\s.()-]*(?:\\(0\\))?|0)?[\\s.()-]*${[...national].join('[\\s.()-]*')}`),
      );
    }
  }
  // Longer strings first, so an e-mail address is masked whole before a name inside it.
  return patterns.sort((a, b) => b.source.length - a.source.length);
}
