// Reads a respondent file recruited elsewhere (panel bureau export, earlier study) into normalised rows
// plus one error per unreadable cell. Whether to import anything is the caller's decision. Pure: no
// framework imports; CSV via csv-parse, XLSX via exceljs.

import { parse } from 'csv-parse/sync';
import { CellValue, Workbook } from 'exceljs';
import { RespondentProfile } from '../common/domain';
import {
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

export interface ImportError {
  line: number;
  /** The column's header as written in the file. */
  column: string;
  value: string;
  reason: string;
}

export interface ParsedImport {
  layout: ImportLayout;
  rows: ImportRow[];
  errors: ImportError[];
}

/** The file as a whole cannot be read (not CSV/XLSX, no recognisable header, required columns missing). */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly missingColumns: string[] = [],
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
  email: { english: 'email', required: false, aliases: ['e-mail', 'e-mailadres', 'emailadres', 'email address', 'e-mail address'] },
  gender: { bijlage5: 'Geslacht', english: 'gender', required: true, aliases: ['sex'] },
  age: { bijlage5: 'Leeftijd', english: 'age', required: true, aliases: ['leeftijdscategorie', 'age group', 'age band'] },
  education: { bijlage5: 'Opleidingsniveau', english: 'education', required: true, aliases: ['opleiding', 'education level', 'education_level'] },
  digitalComfort: {
    bijlage5: 'Mate comfortabel met digitale middelen',
    english: 'digital_comfort',
    required: true,
    aliases: ['digitale comfort', 'comfortabel met digitale middelen', 'digital comfort'],
  },
  quadrant: { bijlage5: 'Kwadrant', english: 'quadrant', required: true, aliases: ['zoekstrategie', 'search strategy'] },
  organisation: { bijlage5: 'Organisatie', english: 'organisation', required: true, aliases: ['organization', 'organisatienaam'] },
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
  key: string;
}

function readHeader(lines: RawLine[], fileName: string): Header {
  const candidate = lines.slice(0, HEADER_SEARCH_LINES).find((l) => l.cells.filter((c) => fieldForHeader(c)).length >= MIN_HEADER_MATCHES);
  if (!candidate) {
    const expected = [layoutColumns('bijlage5'), layoutColumns('english')].map((cols) => cols.join(';')).join('" or "');
    throw new ImportFileError(`${fileName}: no header row found; expected the columns "${expected}"`);
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
  const missing = FIELDS.filter((f) => COLUMNS[f].required && index[f] === undefined).map((f) => COLUMNS[f][layout] ?? f);
  if (missing.length) {
    throw new ImportFileError(`${fileName}: required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`, missing);
  }
  return { line: candidate.line, layout, index, names, key: rowKey(candidate.cells) };
}

function layoutColumns(layout: ImportLayout): string[] {
  return FIELDS.map((f) => COLUMNS[f][layout]).filter((c): c is string => !!c);
}

function rowKey(cells: string[]): string {
  return cells.map(headerKey).join('|').replace(/\|+$/, '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads CSV (";", "," or tab, with or without BOM, UTF-8 or Windows-1252) or XLSX (first sheet), told
 * apart by content. Recognises the Bijlage 5 layout and the English layout by their headers, case and
 * spacing aside. Throws ImportFileError when the file as a whole cannot be read; every unreadable cell
 * becomes its own ImportError and its row is left out of `rows`.
 */
export async function parseImportFile(buf: Buffer, fileName: string, organisations: readonly string[]): Promise<ParsedImport> {
  const lines = isZip(buf) ? await readXlsx(buf, fileName) : readCsv(buf, fileName);
  const header = readHeader(lines, fileName);
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];

  for (const { line, cells } of lines) {
    // Reports printed per organisation repeat the header; a pasted copy of such a table does too.
    if (line <= header.line || rowKey(cells) === header.key) continue;
    const cell = (f: Field) => {
      const i = header.index[f];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const rowErrors: (ImportError & { position: number })[] = [];
    const reject = (field: Field, reason: string) =>
      rowErrors.push({ line, column: header.names[field] ?? field, value: cell(field), reason, position: header.index[field] ?? 0 });
    const read = <T>(field: Field, result: Result<T>): T | undefined => {
      if (result.ok) return result.value;
      reject(field, result.reason);
      return undefined;
    };

    const organisation = read('organisation', normaliseOrganisation(cell('organisation'), organisations));
    const quadrant = read('quadrant', normaliseQuadrant(cell('quadrant')));
    const gender = read('gender', normaliseGender(cell('gender')));
    const age = read('age', normaliseAge(cell('age')));
    const education = read('education', normaliseEducation(cell('education')));
    const digitalComfort = read('digitalComfort', normaliseDigitalComfort(cell('digitalComfort')));
    const email = cell('email');
    if (email && !EMAIL.test(email)) reject('email', 'not an e-mail address');
    const firstName = cell('firstName').replace(/\s+/g, ' ');

    if (rowErrors.length || !organisation || !quadrant || !gender || !age || !education || !digitalComfort) {
      // Left to right, as the researcher reads the row in the file.
      errors.push(...rowErrors.sort((a, b) => a.position - b.position).map(({ position: _, ...error }) => error));
      continue;
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
  }
  return { layout: header.layout, rows, errors };
}

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

// ----------------------------------------------------------------------------------------------- CSV

function decodeText(buf: Buffer, fileName: string): string {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new ImportFileError(`${fileName}: old Excel 97-2003 (.xls) files cannot be read; save it as .xlsx or CSV`);
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Excel on Dutch Windows saves "CSV" in Windows-1252.
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/**
 * The separator that occurs most often outside quotes on one line among the first lines (the header,
 * even below a title line); ";" wins a tie (Dutch Excel).
 */
function detectDelimiter(lines: string[]): string {
  let best = ',';
  let most = 0;
  for (const line of lines) {
    const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    }
    for (const [delimiter, count] of counts) {
      if (count > most) [best, most] = [delimiter, count];
    }
  }
  return best;
}

function readCsv(buf: Buffer, fileName: string): RawLine[] {
  // One line-ending style keeps csv-parse's line count equal to the physical lines.
  let text = decodeText(buf, fileName).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLines = text.split('\n').filter((l) => l.trim()).slice(0, HEADER_SEARCH_LINES);
  let delimiter = detectDelimiter(firstLines);
  const sep = /^sep=(.)\s*$/i.exec(firstLines[0] ?? '');
  if (sep) {
    // Excel's "sep=;" hint line: honour it, and blank it so line numbers stay physical.
    delimiter = sep[1];
    text = text.replace(/^sep=.[ \t]*$/im, '');
  }
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    // csv-parse's types do not describe the shape that `info` and `raw` produce.
    records = parse(text, { delimiter, info: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    throw new ImportFileError(`${fileName}: cannot read as CSV: ${(err as Error).message}`);
  }
  return records
    .map(({ record, info, raw }) => {
      // info.lines is where the record ends; a quoted cell may span lines, and raw carries skipped blank lines.
      const own = raw.replace(/^\n+/, '').replace(/\n$/, '');
      return { line: info.lines - (own.match(/\n/g)?.length ?? 0), cells: record };
    })
    .filter((l) => l.cells.some((c) => c.trim()));
}

// ---------------------------------------------------------------------------------------------- XLSX

async function readXlsx(buf: Buffer, fileName: string): Promise<RawLine[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(`${fileName}: cannot read as an Excel (.xlsx) file: ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError(`${fileName}: the workbook has no sheets`);
  const lines: RawLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as CellValue[];
    const cells = values.slice(1).map(cellText);
    if (cells.some((c) => c.trim())) lines.push({ line, cells });
  });
  return lines;
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('error' in value) return String(value.error);
  return '';
}
