// An imported codebook file, whatever its format, as codes or as problems in one shape: the seed's table (CSV or
// XLSX, problems with line and column) or a REFI-QDA codebook (.qdc, problems naming the code). The codes are
// checked as a whole codebook too (checkCodebook), so nothing the editor would refuse comes in by a file.
// Pure: no framework imports.
import { ImportLimitError } from '../common/import/import-limits';
import { readXlsxLines, XlsxReadError } from '../common/import/xlsx-reader';
import { checkCodebook, defaultColour, withCauseGroup, treeOrder } from './codebook';
import { readCodebookFile } from './codebook-file';
import { CodebookReadResult, readCodebookTable, TableRow } from './codebook-table';
import { fromRefiCodes } from './codebook-refi';
import type { CodebookFormat, IncomingCode } from './codebook-versions';
import { readCodebookXml, RefiPlace, RefiReadError } from './refi/project-reader';

/**
 * One problem, worded by `key` with `details` in the reader's language: `line` and `column` for a table, `where`
 * (a code's path) or `place` (the element of the .qdc, worded by the reader's language too) otherwise.
 */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  where: string | null;
  place?: RefiPlace;
  key: string;
  details: Record<string, string | number>;
}

export type CodebookFileResult =
  | { ok: true; format: CodebookFormat; codes: IncomingCode[]; warnings: ImportProblem[] }
  | { ok: false; format: CodebookFormat; errors: ImportProblem[]; warnings: ImportProblem[] };

/** The format of a file: by its first bytes (a zip is XLSX, markup is a .qdc), else by its name, else CSV. */
export function detectFormat(buf: Buffer, fileName = ''): CodebookFormat {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  const start = buf
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('<')) return 'qdc';
  if (/\.qdc$/i.test(fileName)) return 'qdc';
  return 'csv';
}

export async function readImportFile(buf: Buffer, fileName = ''): Promise<CodebookFileResult> {
  const format = detectFormat(buf, fileName);
  if (format === 'qdc') return readQdc(buf);
  let read: CodebookReadResult;
  if (format === 'xlsx') {
    const rows = await xlsxRows(buf, fileName);
    if (!Array.isArray(rows)) return { ok: false, format, errors: [rows], warnings: [] };
    read = readCodebookTable(rows);
  } else read = await readCodebookFile(buf);
  const warnings = read.warnings.map(tableProblem);
  if (!read.ok) return { ok: false, format, errors: read.errors.map(tableProblem), warnings };
  return checked(format, read.codes, warnings);
}

/** A codebook's workbook unpacks to a few hundred kilobytes; these bounds refuse a zip bomb before it is inflated. */
const XLSX_LIMITS = { maxUnpackedBytes: 20 * 1024 * 1024, maxCompressionRatio: 100 };

/** The first sheet's rows, read one by one within XLSX_LIMITS (the respondent import's reader), or why not. */
async function xlsxRows(buf: Buffer, fileName: string): Promise<TableRow[] | ImportProblem> {
  const rows: TableRow[] = [];
  try {
    for await (const line of readXlsxLines(buf, fileName || 'upload.xlsx', XLSX_LIMITS)) rows.push(line);
  } catch (err) {
    if (err instanceof ImportLimitError)
      return { line: null, column: null, where: null, key: 'codebook.error.too_large_unpacked', details: {} };
    if (err instanceof XlsxReadError)
      return {
        line: null,
        column: null,
        where: null,
        key: 'codebook.error.unreadable_file',
        details: { format: 'xlsx' },
      };
    throw err;
  }
  return rows;
}

function tableProblem(p: {
  line: number | null;
  column: string | null;
  code: string;
  details: Record<string, string | number>;
}): ImportProblem {
  return { line: p.line, column: p.column, where: null, key: `codebook.error.${p.code}`, details: p.details };
}

function readQdc(buf: Buffer): CodebookFileResult {
  const fileProblem = (key: string, details: Record<string, string | number> = {}): CodebookFileResult => ({
    ok: false,
    format: 'qdc',
    errors: [{ line: null, column: null, where: null, key, details }],
    warnings: [],
  });
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return fileProblem('codebook.error.unreadable_file', { format: 'qdc' });
  }
  let read;
  try {
    read = readCodebookXml(xml);
  } catch (err) {
    if (err instanceof RefiReadError) return fileProblem(`codebook.error.qdc.${err.code}`);
    throw err;
  }
  // The reader leaves out what it cannot read; all or nothing: a code left out is a refusal.
  const errors: ImportProblem[] = read.problems.map((p) => ({
    line: null,
    column: null,
    where: null,
    place: p.where,
    key: `codebook.error.qdc.${p.code}`,
    details: {},
  }));
  const { codes, problems } = fromRefiCodes(read.codes, defaultColour);
  errors.push(
    ...problems.map((p) => ({
      line: null,
      column: null,
      where: p.where,
      key: `codebook.error.qdc.${p.code}`,
      details: p.details,
    })),
  );
  if (errors.length) return { ok: false, format: 'qdc', errors, warnings: [] };
  if (!codes.some((c) => c.tekstId !== null)) return fileProblem('codebook.error.no_codes');
  return checked('qdc', treeOrder(withCauseGroup(codes)), []);
}

/** Most codes (categories included) a codebook may have. */
export const MAX_CODES = 2000;

/** The rules of a whole codebook (a .qdc can break any of them; a table breaks few the reader has not seen). */
function checked(format: CodebookFormat, codes: IncomingCode[], warnings: ImportProblem[]): CodebookFileResult {
  // The seed's table has 55 codes; a file with thousands is not a codebook, and each code is a row to write.
  if (codes.length > MAX_CODES)
    return {
      ok: false,
      format,
      errors: [
        {
          line: null,
          column: null,
          where: null,
          key: 'codebook.error.too_many_codes',
          details: { max: MAX_CODES, count: codes.length },
        },
      ],
      warnings,
    };
  const errors: ImportProblem[] = checkCodebook(codes).map((p) => ({
    line: null,
    column: null,
    where: p.path || null,
    key: `codebook.check.${p.code}`,
    details: { ...p.details, path: p.path },
  }));
  // Control characters (a NUL from a damaged file) cannot be stored, shown or exported as XML.
  for (const code of codes) {
    if ([...code.path, code.logtekst ?? ''].some((text) => CONTROL.test(text))) {
      errors.push({
        line: null,
        column: null,
        where: code.path.join(' / ').replace(CONTROL_ALL, ''),
        key: 'codebook.error.control_character',
        details: {},
      });
    }
  }
  return errors.length ? { ok: false, format, errors, warnings } : { ok: true, format, codes, warnings };
}

// C0 controls except tab, line feed and carriage return, and DEL (built from a string: the lint rule reads literals).
const CONTROL_CLASS = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]';
const CONTROL = new RegExp(CONTROL_CLASS);
const CONTROL_ALL = new RegExp(CONTROL_CLASS, 'g');
