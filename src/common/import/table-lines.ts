// A spreadsheet a person saved, CSV or Excel, as lines of cell texts: the one entry point every import reads
// files through (respondents, homework), so all of them get the same streaming, limits and error texts. Pure.
import type { ImportLimits } from './import-limits';
import { readCsvLines } from './csv-reader';
import { readXlsxLines } from './xlsx-reader';

/** Cell texts of one non-blank line; `line` is the physical line (CSV) or the row number Excel shows (XLSX). */
export interface TableLine {
  line: number;
  cells: string[];
}

/** CSV or XLSX, told apart by content rather than by the file's name. Throws CsvReadError, XlsxReadError or ImportLimitError. */
export function readTableLines(buf: Buffer, fileName: string, limits: ImportLimits): AsyncGenerator<TableLine> {
  return isZip(buf) ? readXlsxLines(buf, fileName, limits) : readCsvLines(buf, fileName);
}

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}
