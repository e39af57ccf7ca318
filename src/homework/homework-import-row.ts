// Homework answers from a spreadsheet (typed in from paper, or exported by another survey tool) as the answers a
// submission of the form would carry: a header with the respondent's e-mail and one column per question name, and
// per row the cells read as the question's type wants them (choices by value or by their Dutch or English text,
// several in one cell for a checkbox question). Whether the answers are complete and allowed is the form's own
// check (survey-validator.ts), as for every submission. Pure: no framework imports.

import type { HomeworkAnswers } from './homework-assignment.entity';

type Text = string | { default: string; en?: string } | undefined;

export interface ImportChoice {
  value: string;
  /** Normalised spellings that mean this choice: the value and its texts in both languages. */
  keys: string[];
}

export interface ImportQuestion {
  name: string;
  type: string;
  choices: ImportChoice[];
}

/** A problem in one cell (or the header), by its code; the caller words it in the reader's language. */
export interface RowProblem {
  line: number;
  /** The column's header as written in the file. */
  column: string;
  value: string;
  code: HomeworkImportProblem;
  vars?: Record<string, string | number>;
}

export type HomeworkImportProblem =
  | 'unknown_column'
  | 'duplicate_column'
  | 'email_missing'
  | 'email_invalid'
  | 'unknown_choice'
  | 'not_in_study'
  | 'duplicate_email'
  | 'not_in_group'
  | 'reserve'
  | 'already_submitted'
  | 'has_draft'
  | 'hidden_answer'
  | 'answer_invalid';

export interface ImportHeader {
  line: number;
  emailIndex: number;
  emailColumn: string;
  /** Question columns by cell index. */
  questions: { index: number; column: string; name: string }[];
}

/** Case, accents, spacing, punctuation and emoji aside: "Mijn-omgeving", "mijn omgeving" and "MIJN_OMGEVING" are one key. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const EMAIL_HEADERS = new Set(
  ['email', 'emailadres', 'emailaddress', 'mail', 'respondentemail', 'respondentemailadres'].map(matchKey),
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
/** A problem quotes at most this much of a cell, so a report stays small whatever the file holds. */
const MAX_SHOWN_VALUE = 100;
const clip = (text: string): string =>
  text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE - 1)}…` : text;

export function isEmailHeader(cell: string): boolean {
  return EMAIL_HEADERS.has(matchKey(cell));
}

/** The form's questions that take an answer, in form order, with every spelling of their choices. */
export function importQuestions(definition: object): ImportQuestion[] {
  const pages = (definition as { pages?: { elements?: Record<string, unknown>[] }[] }).pages ?? [];
  return pages
    .flatMap((p) => p.elements ?? [])
    .filter((e) => e.type !== 'html')
    .map((e) => ({
      name: String(e.name),
      type: String(e.type),
      choices: ((e.choices as { value: string; text?: Text }[] | undefined) ?? []).map((c) => ({
        value: c.value,
        keys: choiceKeys(c.value, c.text),
      })),
    }));
}

function choiceKeys(value: string, text: Text): string[] {
  const texts = text === undefined ? [] : typeof text === 'string' ? [text] : [text.default, text.en ?? ''];
  // "Post (brief)" may be written as "Post": a note in brackets is part of the text, not of the choice.
  const spellings = [value, ...texts, ...texts.map((t) => t.replace(/\([^)]*\)/g, ''))];
  return [...new Set(spellings.map(matchKey).filter(Boolean))];
}

/**
 * Reads a header line: the e-mail column and the question columns. Every other non-empty header cell is a
 * problem (a column the import would otherwise drop unseen), and so is a question named twice.
 */
export function readHeader(
  line: number,
  cells: string[],
  questions: readonly ImportQuestion[],
): { header: ImportHeader; problems: RowProblem[] } {
  const byKey = new Map(questions.map((q) => [matchKey(q.name), q.name]));
  const header: ImportHeader = { line, emailIndex: -1, emailColumn: '', questions: [] };
  const problems: RowProblem[] = [];
  const seen = new Map<string, string>();
  cells.forEach((cell, index) => {
    const column = cell.trim().replace(/\s+/g, ' ');
    if (!column) return;
    const key = matchKey(column);
    if (header.emailIndex < 0 && EMAIL_HEADERS.has(key)) {
      header.emailIndex = index;
      header.emailColumn = column;
      return;
    }
    const name = byKey.get(key);
    if (!name) problems.push({ line, column, value: clip(column), code: 'unknown_column' });
    else if (seen.has(name))
      problems.push({ line, column, value: clip(column), code: 'duplicate_column', vars: { first: seen.get(name)! } });
    else {
      seen.set(name, column);
      header.questions.push({ index, column, name });
    }
  });
  return { header, problems };
}

/** The e-mail address of a data row, or the problem with it. */
export function rowEmail(
  line: number,
  cells: string[],
  header: ImportHeader,
): { email?: string; problem?: RowProblem } {
  const email = (cells[header.emailIndex] ?? '').trim();
  const problem = (code: HomeworkImportProblem): RowProblem => ({
    line,
    column: header.emailColumn,
    value: clip(email),
    code,
  });
  if (!email) return { problem: problem('email_missing') };
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return { problem: problem('email_invalid') };
  return { email };
}

/**
 * One row's cells as the answers a submission would carry. An empty cell is no answer. Text is kept as written
 * (ends trimmed, line breaks as "\n"); a choice is matched by its value or either text, and a cell of a checkbox
 * question may hold several, separated by ";", "," or line breaks, or written as a JSON list.
 */
export function rowAnswers(
  line: number,
  cells: string[],
  header: ImportHeader,
  questions: readonly ImportQuestion[],
): { answers: HomeworkAnswers; problems: RowProblem[] } {
  const byName = new Map(questions.map((q) => [q.name, q]));
  const answers: HomeworkAnswers = {};
  const problems: RowProblem[] = [];
  for (const { index, column, name } of header.questions) {
    const question = byName.get(name)!;
    const cell = (cells[index] ?? '').replace(/\r\n?/g, '\n').trim();
    if (!cell) continue;
    const unknown = (choice: string) =>
      problems.push({
        line,
        column,
        value: clip(cell),
        code: 'unknown_choice',
        vars: { choice: clip(choice), choices: question.choices.map((c) => c.value).join(', ') },
      });
    if (question.type === 'checkbox') {
      const { values, unmatched } = splitChoices(cell, question.choices);
      unmatched.forEach(unknown);
      if (!unmatched.length) answers[name] = values;
    } else if (question.choices.length) {
      const value = matchChoice(cell, question.choices);
      if (value === undefined) unknown(cell);
      else answers[name] = value;
    } else {
      answers[name] = cell;
    }
  }
  return { answers, problems };
}

export function matchChoice(text: string, choices: readonly ImportChoice[]): string | undefined {
  const key = matchKey(text);
  if (!key) return undefined;
  return choices.find((c) => c.keys.includes(key))?.value;
}

/**
 * The choices named in one cell. Separators may also occur inside a choice's text ("In person, at a location or
 * desk"), so the longest run of pieces that names a choice wins, left to right.
 */
export function splitChoices(
  cell: string,
  choices: readonly ImportChoice[],
): { values: string[]; unmatched: string[] } {
  const list = jsonList(cell);
  const pieces = list ?? cell.split(/[;,\n]/);
  const separators = list ? [] : (cell.match(/[;,\n]/g) ?? []);
  const values: string[] = [];
  const unmatched: string[] = [];
  for (let i = 0; i < pieces.length;) {
    if (!pieces[i].trim()) {
      i++;
      continue;
    }
    let matched = false;
    for (let j = pieces.length - 1; j >= i; j--) {
      const run = pieces
        .slice(i, j + 1)
        .reduce((text, piece, k) => (k === 0 ? piece : text + separators[i + k - 1] + piece), '');
      const value = matchChoice(run, choices);
      if (value === undefined) continue;
      if (!values.includes(value)) values.push(value);
      i = j + 1;
      matched = true;
      break;
    }
    if (!matched) {
      unmatched.push(pieces[i].trim());
      i++;
    }
  }
  return { values, unmatched };
}

/** ["website","chat"], as some survey tools export a multiple choice. */
function jsonList(cell: string): string[] | undefined {
  if (!cell.startsWith('[') || !cell.endsWith(']')) return undefined;
  try {
    const parsed: unknown = JSON.parse(cell);
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
