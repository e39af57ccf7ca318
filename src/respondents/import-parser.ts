// Reads a respondent file recruited elsewhere (panel bureau export, earlier study) into normalised rows
// plus one error per unreadable cell. Whether to import anything is the caller's decision. The file is read
// line by line as it is decoded or unpacked (csv-reader.ts, xlsx-reader.ts), within the import limits, giving
// other work a turn between slices. Pure: no framework imports.

import { setImmediate as nextTurn } from 'timers/promises';
import { RespondentProfile } from '../common/domain';
import { CsvReadError } from '../common/import/csv-reader';
import {
  DEFAULT_IMPORT_LIMITS,
  ImportLimitError,
  ImportLimits,
  MAX_LISTED_PROBLEMS,
} from '../common/import/import-limits';
import { readTableLines } from '../common/import/table-lines';
import { XlsxReadError } from '../common/import/xlsx-reader';
import {
  Reason,
  Result,
  normaliseAge,
  normaliseDigitalComfort,
  normaliseEducation,
  normaliseGender,
  normaliseOrganisation,
  normaliseQuadrant,
} from './normalise';

export type ImportLayout = 'bijlage5' | 'english';

export interface ImportRow extends RespondentProfile {
  /** Physical line in the file (CSV) or row number (XLSX); the header is line 1 when it is the first line. */
  line: number;
  firstName?: string;
  email?: string;
  organisation: string;
}

/** A cell that cannot be read: where it is, what it holds, and why (worded in the reader's language where shown). */
export interface RowProblem {
  line: number;
  /** The column's header as written in the file. */
  column: string;
  value: string;
  reason: Reason;
}

export interface ParsedImport {
  layout: ImportLayout;
  rows: ImportRow[];
  /** The first problems (at most MAX_LISTED_PROBLEMS), in file order. */
  errors: RowProblem[];
  /** All problems, also those not listed. */
  errorCount: number;
  /** Physical lines with at least one problem: the rows left out. */
  unreadableLines: number[];
  unreadableCount: number;
}

/** The file as a whole cannot be read (not CSV/XLSX, no recognisable header, required columns missing). */
export class ImportFileError extends Error {
  constructor(
    message: string,
    /** Which of the catalogue's texts says it (`error.import.<reason>`, else `error.import.unreadable`). */
    readonly reason: 'unreadable' | 'no_header' | 'missing_columns',
    readonly missingColumns: string[] = [],
    readonly columns = '',
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

type Field = 'firstName' | 'email' | 'gender' | 'age' | 'education' | 'digitalComfort' | 'quadrant' | 'organisation';

interface ColumnSpec {
  bijlage5?: string;
  english?: string;
  required: boolean;
  /** Further header spellings accepted in either layout. */
  aliases: string[];
}

const COLUMNS: Record<Field, ColumnSpec> = {
  firstName: { english: 'first_name', required: false, aliases: ['voornaam', 'naam', 'name', 'firstname'] },
  email: {
    english: 'email',
    required: false,
    aliases: ['e-mail', 'e-mailadres', 'emailadres', 'email address', 'e-mail address'],
  },
  gender: { bijlage5: 'Geslacht', english: 'gender', required: true, aliases: ['sex'] },
  age: {
    bijlage5: 'Leeftijd',
    english: 'age',
    required: true,
    aliases: ['leeftijdscategorie', 'age group', 'age band'],
  },
  education: {
    bijlage5: 'Opleidingsniveau',
    english: 'education',
    required: true,
    aliases: ['opleiding', 'education level', 'education_level'],
  },
  digitalComfort: {
    bijlage5: 'Mate comfortabel met digitale middelen',
    english: 'digital_comfort',
    required: true,
    aliases: ['digitale comfort', 'comfortabel met digitale middelen', 'digital comfort'],
  },
  quadrant: {
    bijlage5: 'Kwadrant',
    english: 'quadrant',
    required: true,
    aliases: ['zoekstrategie', 'search strategy'],
  },
  organisation: {
    bijlage5: 'Organisatie',
    english: 'organisation',
    required: true,
    aliases: ['organization', 'organisatienaam'],
  },
};
const FIELDS = Object.keys(COLUMNS) as Field[];

/** A table as read from the file: cell texts per physical line, blank lines already dropped. */
interface RawLine {
  line: number;
  cells: string[];
}

/** How far down a title or blank rows the header may sit. */
const HEADER_SEARCH_LINES = 10;
const MIN_HEADER_MATCHES = 3;

/** Case, accents, spacing and a note in brackets aside: "Geslacht (m/v)" and "LEEFTIJD" are headers too. */
function headerKey(text: string): string {
  return text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function fieldForHeader(text: string): { field: Field; layout?: ImportLayout } | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  for (const field of FIELDS) {
    const spec = COLUMNS[field];
    if (spec.bijlage5 && headerKey(spec.bijlage5) === key) return { field, layout: 'bijlage5' };
    if (spec.english && headerKey(spec.english) === key) return { field, layout: 'english' };
    if (spec.aliases.some((a) => headerKey(a) === key)) return { field };
  }
  return undefined;
}

interface Header {
  line: number;
  layout: ImportLayout;
  index: Partial<Record<Field, number>>;
  names: Partial<Record<Field, string>>;
  /** The header's cells as headerKey reads them, without trailing empty ones. */
  keys: string[];
}

function readHeader(lines: RawLine[], fileName: string): Header {
  const candidate = lines
    .slice(0, HEADER_SEARCH_LINES)
    .find((l) => l.cells.filter((c) => fieldForHeader(c)).length >= MIN_HEADER_MATCHES);
  if (!candidate) {
    const expected = [layoutColumns('bijlage5'), layoutColumns('english')].map((cols) => cols.join(';')).join('" or "');
    throw new ImportFileError(
      `${fileName}: no header row found; expected the columns "${expected}"`,
      'no_header',
      [],
      expected,
    );
  }
  const index: Header['index'] = {};
  const names: Header['names'] = {};
  const votes = { bijlage5: 0, english: 0 };
  candidate.cells.forEach((cell, i) => {
    const match = fieldForHeader(cell);
    if (!match || index[match.field] !== undefined) return;
    index[match.field] = i;
    names[match.field] = cell.trim().replace(/\s+/g, ' ');
    if (match.layout) votes[match.layout]++;
  });
  const layout: ImportLayout = votes.english > votes.bijlage5 ? 'english' : 'bijlage5';
  const missing = FIELDS.filter((f) => COLUMNS[f].required && index[f] === undefined).map(
    (f) => COLUMNS[f][layout] ?? f,
  );
  if (missing.length) {
    throw new ImportFileError(
      `${fileName}: required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`,
      'missing_columns',
      missing,
      missing.join(', '),
    );
  }
  return { line: candidate.line, layout, index, names, keys: headerKeys(candidate.cells) };
}

function layoutColumns(layout: ImportLayout): string[] {
  return FIELDS.map((f) => COLUMNS[f][layout]).filter((c): c is string => !!c);
}

function headerKeys(cells: string[]): string[] {
  const keys = cells.map(headerKey);
  while (keys.length && !keys[keys.length - 1]) keys.pop();
  return keys;
}

/** Whether a row is the header again; compared cell by cell, so an ordinary row costs one comparison. */
function repeatsHeader(cells: string[], header: Header): boolean {
  const keys = header.keys;
  for (let i = 0; i < Math.max(keys.length, cells.length); i++) {
    if (headerKey(cells[i] ?? '') !== (keys[i] ?? '')) return false;
  }
  return true;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The respondent table's column sizes: a longer value is a problem in the file, not a database error. */
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 200;

/** Work done between turns for other requests: well under the event loop delay the platform allows (100 ms). */
const SLICE_MS = 10;

/**
 * Reads CSV (";", "," or tab, with or without BOM, UTF-8 or Windows-1252) or XLSX (first sheet), told
 * apart by content. Recognises the Bijlage 5 layout and the English layout by their headers, case and
 * spacing aside. Throws ImportFileError when the file as a whole cannot be read and ImportLimitError when it
 * passes a limit (rows; for XLSX also unpacked size and compression); every unreadable cell becomes its own
 * RowProblem and its row is left out of `rows`.
 */
export async function parseImportFile(
  buf: Buffer,
  fileName: string,
  organisations: readonly string[],
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ParsedImport> {
  const rows: ImportRow[] = [];
  const errors: RowProblem[] = [];
  let errorCount = 0;
  const unreadableLines: number[] = [];
  let unreadableCount = 0;
  let dataLines = 0;
  let header: Header | undefined;
  const headLines: RawLine[] = [];
  let sliceStart = Date.now();

  const readRow = ({ line, cells }: RawLine, h: Header) => {
    // Reports printed per organisation repeat the header; a pasted copy of such a table does too.
    if (line <= h.line || repeatsHeader(cells, h)) return;
    if (++dataLines > limits.maxRows) {
      throw new ImportLimitError(
        'import.too_many_rows',
        `${fileName} has more than ${limits.maxRows} rows, more than an import may have. Nothing was imported; split it into smaller files.`,
        {
          maxRows: limits.maxRows,
        },
      );
    }
    const rowErrors = readCells(line, cells, h, organisations, rows);
    if (!rowErrors.length) return;
    errorCount += rowErrors.length;
    for (const e of rowErrors) if (errors.length < MAX_LISTED_PROBLEMS) errors.push(e);
    if (unreadableLines.length < MAX_LISTED_PROBLEMS) unreadableLines.push(line);
    unreadableCount++;
  };

  try {
    for await (const raw of readTableLines(buf, fileName, limits)) {
      if (header) readRow(raw, header);
      else if (headLines.push(raw) >= HEADER_SEARCH_LINES) {
        header = readHeader(headLines, fileName);
        for (const l of headLines) readRow(l, header);
      }
      if (Date.now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = Date.now();
      }
    }
  } catch (err) {
    if (err instanceof CsvReadError || err instanceof XlsxReadError)
      throw new ImportFileError(err.message, 'unreadable');
    throw err;
  }
  if (!header) {
    header = readHeader(headLines, fileName);
    for (const l of headLines) readRow(l, header);
  }
  return { layout: header.layout, rows, errors, errorCount, unreadableLines, unreadableCount };
}

/** Sizes that keep an error report small whatever the file holds: a problem quotes at most this much of a cell. */
const MAX_CODED_VALUE = 200;
const MAX_SHOWN_VALUE = 100;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One data row: appended to `rows` when every cell reads, else its problems, left to right. */
function readCells(
  line: number,
  cells: string[],
  header: Header,
  organisations: readonly string[],
  rows: ImportRow[],
): RowProblem[] {
  const cell = (f: Field) => {
    const i = header.index[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rowErrors: (RowProblem & { position: number })[] = [];
  const reject = (field: Field, reason: Reason) =>
    rowErrors.push({
      line,
      column: header.names[field] ?? field,
      value: clip(cell(field), MAX_SHOWN_VALUE),
      reason,
      position: header.index[field] ?? 0,
    });
  // A coded value is a word or two: a longer cell is refused as it is, without normalising (or quoting) all of it.
  const read = <T>(field: Field, normalise: (value: string) => Result<T>): T | undefined => {
    const value = cell(field);
    const result =
      value.length > MAX_CODED_VALUE
        ? { ok: false as const, reason: { key: 'importReason.tooLong', vars: { limit: MAX_CODED_VALUE } } }
        : normalise(value);
    if (result.ok) return result.value;
    reject(field, result.reason);
    return undefined;
  };

  const organisation = read('organisation', (v) => normaliseOrganisation(v, organisations));
  const quadrant = read('quadrant', normaliseQuadrant);
  const gender = read('gender', normaliseGender);
  const age = read('age', normaliseAge);
  const education = read('education', normaliseEducation);
  const digitalComfort = read('digitalComfort', normaliseDigitalComfort);
  const email = cell('email');
  if (email.length > MAX_EMAIL_LENGTH)
    reject('email', { key: 'importReason.tooLong', vars: { limit: MAX_EMAIL_LENGTH } });
  else if (email && !EMAIL.test(email)) reject('email', { key: 'importReason.email' });
  const firstName = cell('firstName').replace(/\s+/g, ' ');
  if (firstName.length > MAX_NAME_LENGTH)
    reject('firstName', { key: 'importReason.tooLong', vars: { limit: MAX_NAME_LENGTH } });

  if (rowErrors.length || !organisation || !quadrant || !gender || !age || !education || !digitalComfort) {
    // Left to right, as the researcher reads the row in the file.
    return rowErrors.sort((a, b) => a.position - b.position).map(({ position: _, ...error }) => error);
  }
  rows.push({
    line,
    ...(firstName ? { firstName } : {}),
    ...(email ? { email } : {}),
    organisation,
    quadrant,
    gender,
    ...age,
    education,
    digitalComfort,
  });
  return [];
}
