// What an overview request means: which respondent statuses a population covers, the download formats,
// and the name of the downloaded file. Pure: no framework imports.
import type { Locale, RespondentStatus } from '../common/domain';
import { translator } from '../common/view-engine';
import type { Population } from './overview';

/**
 * Statuses per population.
 * - participants: attended a session.
 * - invited: received an invitation and did not decline it (invited, confirmed, participated); people who
 *   declined are no longer part of the planned groups, so they are left out here but counted in "eligible".
 * - eligible: everyone who passed the screener, whatever happened next.
 * - all: every respondent with an organisation and a quadrant, also the ineligible ones; never erased ones.
 */
export const POPULATION_STATUSES: Record<Population, readonly RespondentStatus[]> = {
  participants: ['participated'],
  invited: ['invited', 'confirmed', 'participated'],
  eligible: ['eligible', 'grouped', 'invited', 'confirmed', 'declined', 'participated'],
  all: ['eligible', 'ineligible', 'grouped', 'invited', 'confirmed', 'declined', 'participated'],
};

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

/** "," and ";" as such, or spelled out (a literal ";" is easy to lose in a URL or a shell). */
export function parseDelimiter(value: string | undefined): ';' | ',' {
  return value === ',' || value === 'comma' ? ',' : ';';
}

/** A file name that is safe in a Content-Disposition header on every system: ASCII letters, digits and hyphens. */
export function downloadFileName(parts: {
  study: string;
  organisation?: string;
  population: Population;
  format: ExportFormat;
  locale: Locale;
}): string {
  const base = translator(parts.locale)('overviewExport.fileName');
  const words = [base, parts.study, parts.organisation, parts.population]
    .filter((w): w is string => !!w)
    .map(fileWord)
    .filter(Boolean);
  return `${words.join('-')}.${parts.format}`;
}

function fileWord(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
