// The journey report as CSV and XLSX: the long table of journey-rows.ts under a heading that names the study and
// the population. Small enough to build in memory (a study has a few organisations × four quadrants × five steps).
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import { neutraliseCell } from '../overviews/anonymise';
import type { Count, JourneyReport } from './journey-report';
import { journeyHeaders, journeyRows, rowCells } from './journey-rows';

export const JOURNEY_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type JourneyFormat = (typeof JOURNEY_FORMATS)[number];

export const JOURNEY_CONTENT_TYPES: Record<JourneyFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Text cells that a spreadsheet would run as a formula get a leading quote; numbers stay numbers. */
const safe = (cells: (string | number)[]) => cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c));

/** CSV as Dutch Excel opens it: UTF-8 with BOM, ";" unless asked for ",", CRLF; one header line, then the rows. */
export function journeyCsv(report: JourneyReport<Count>, locale: Locale, delimiter: ';' | ',' = ';'): Buffer {
  const text = stringify([journeyHeaders(locale), ...journeyRows(report, locale).map((r) => safe(rowCells(r)))], {
    delimiter,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}

/** One sheet: the study and population above the table, the header row frozen. */
export async function journeyXlsx(report: JourneyReport<Count>, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  // Loaded here, not on import: exceljs takes half a second, which every command-line start would pay.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(t('journeyExport.sheet'));
  sheet.addRow([t('journeyExport.study'), report.study]);
  sheet.addRow([t('journeyExport.population'), t(`overviews.population.${report.population}`)]);
  sheet.addRow([]);
  const header = sheet.addRow(journeyHeaders(locale));
  header.font = { bold: true };
  sheet.addRows(journeyRows(report, locale).map((r) => safe(rowCells(r))));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  [24, 22, 6, 22, 22, 22, 48, 10, 12].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name safe in a Content-Disposition header: ASCII letters, digits and hyphens. */
export function journeyFileName(parts: {
  study: string;
  organisation?: string;
  quadrant?: string;
  population: string;
  format: JourneyFormat;
  locale: Locale;
}): string {
  const words = [translator(parts.locale)('journeyExport.fileName'), parts.study, parts.organisation, parts.quadrant]
    .concat(parts.population)
    .filter((w): w is string => !!w)
    .map((w) =>
      w
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60),
    )
    .filter(Boolean);
  return `${words.join('-')}.${parts.format}`;
}
