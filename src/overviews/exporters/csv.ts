// CSV export: one table in the layout of Bijlage 5, so the Bijlage 5 importer can read it back.
// Carries the Dutch (or English) labels rather than canonical keys, because partners open it in Excel.
// UTF-8 with BOM and ';' by default: Dutch Excel then shows accents and columns without an import wizard.
import type { Writable } from 'node:stream';
import type { Locale } from '../../common/domain';
import { neutraliseCell } from '../anonymise';
import type { OverviewSummary } from '../overview';
import { COLUMN_HEADERS, rowCells, rowOrganisations } from './labels';
import { endStream, writeChunk, type RowSource } from './row-source';

export interface CsvOptions {
  delimiter?: ';' | ',';
  locale?: Locale;
  /** The organisations whose rows may follow; by default every organisation of the summary. */
  rowOrganisations?: readonly string[];
}

const BOM = '\uFEFF';
const CHUNK_SIZE = 64 * 1024;

/** Streams the rows as CSV into `out`, ends it, and resolves once everything is flushed. */
export async function writeCsv(
  summary: OverviewSummary,
  rows: RowSource,
  out: Writable,
  opts: CsvOptions = {},
): Promise<void> {
  const delimiter = opts.delimiter ?? ';';
  const locale = opts.locale ?? 'nl';
  const organisations = new Set(rowOrganisations(summary, opts));
  const line = (cells: readonly string[]) =>
    cells.map((c) => csvField(neutraliseCell(c), delimiter)).join(delimiter) + '\r\n';
  try {
    let buffer = BOM + line(COLUMN_HEADERS[locale]);
    for await (const row of rows) {
      if (!organisations.has(row.organisation))
        throw new Error(`Organisation "${row.organisation}" is not part of this overview`);
      buffer += line(rowCells(row, locale));
      if (buffer.length >= CHUNK_SIZE) {
        await writeChunk(out, buffer);
        buffer = '';
      }
    }
    await writeChunk(out, buffer);
    await endStream(out);
  } catch (err) {
    out.destroy(); // without the error: an 'error' event nobody listens to would crash the process
    throw err;
  }
}

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
