// Reads a homework answers file (CSV or XLSX) through the shared import readers, within the import limits: the
// header, and per data row its line, e-mail address and cells. Giving each row its answers needs the respondent's
// form, which the caller knows once it has looked the addresses up. Pure: no framework imports.
import { setImmediate as nextTurn } from 'timers/promises';
import { CsvReadError } from '../common/import/csv-reader';
import { ImportLimitError, ImportLimits } from '../common/import/import-limits';
import { ProblemList } from '../common/import/problem-list';
import { readTableLines, TableLine } from '../common/import/table-lines';
import { XlsxReadError } from '../common/import/xlsx-reader';
import { ImportHeader, ImportQuestion, isEmailHeader, readHeader, RowProblem, rowEmail } from './homework-import-row';

export interface HomeworkFileRow {
  line: number;
  /** Present when the row's address reads; else `emailProblem` says why not. */
  email?: string;
  emailProblem?: RowProblem;
  cells: string[];
}

export interface HomeworkFile {
  header: ImportHeader;
  rows: HomeworkFileRow[];
  /** Data rows in the file, also those with a problem. */
  dataRows: number;
}

/** The file as a whole cannot be read: not CSV or XLSX, or no header with an e-mail column near the top. */
export class HomeworkFileError extends Error {
  constructor(
    readonly code: 'unreadable' | 'no_header',
    message: string,
  ) {
    super(message);
    this.name = 'HomeworkFileError';
  }
}

/** How far down a title or blank lines the header may sit. */
const HEADER_SEARCH_LINES = 10;
/** Work between turns for other requests. */
const SLICE_MS = 10;

export async function readHomeworkFile(
  buf: Buffer,
  fileName: string,
  questions: readonly ImportQuestion[],
  limits: ImportLimits,
  problems: ProblemList<RowProblem>,
): Promise<HomeworkFile> {
  let header: ImportHeader | undefined;
  const rows: HomeworkFileRow[] = [];
  let dataRows = 0;
  let searched = 0;
  let sliceStart = Date.now();
  const readRow = ({ line, cells }: TableLine, h: ImportHeader) => {
    // A table printed in parts repeats its header.
    if (isEmailHeader(cells[h.emailIndex] ?? '')) return;
    if (++dataRows > limits.maxRows) {
      throw new ImportLimitError(
        'import.too_many_rows',
        `${fileName} has more than ${limits.maxRows} rows, more than an import may have. Nothing was imported; split it into smaller files.`,
        { maxRows: limits.maxRows },
      );
    }
    const { email, problem } = rowEmail(line, cells, h);
    rows.push({ line, email, emailProblem: problem, cells });
  };
  try {
    for await (const raw of readTableLines(buf, fileName, limits)) {
      if (header) readRow(raw, header);
      else if (raw.cells.some(isEmailHeader)) {
        const read = readHeader(raw.line, raw.cells, questions);
        header = read.header;
        problems.add(...read.problems);
      } else if (++searched >= HEADER_SEARCH_LINES) break;
      if (Date.now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = Date.now();
      }
    }
  } catch (err) {
    if (err instanceof CsvReadError || err instanceof XlsxReadError)
      throw new HomeworkFileError('unreadable', err.message);
    throw err;
  }
  if (!header) {
    throw new HomeworkFileError(
      'no_header',
      `${fileName}: no header row with an e-mail column found in the first ${HEADER_SEARCH_LINES} lines; expected "email" and one column per question name of the homework form`,
    );
  }
  return { header, rows, dataRows };
}
