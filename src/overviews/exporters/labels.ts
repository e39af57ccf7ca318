// Headers and value labels of the exports, per locale. Values are shown with the labels of Bijlage 5
// ("HAVO / VWO", "Zeer comfortabel", "Gemakzoeker"), which the Bijlage 5 importer reads back.
import { LOCALE_TAG, QUADRANTS, type Locale, type Quadrant } from '../../common/domain';
import { translator } from '../../common/view-engine';
import type { Count, OrganisationRow } from '../anonymise';
import type { Population } from '../overview';

const COLUMNS = ['gender', 'age', 'education', 'digitalComfort', 'quadrant', 'organisation'] as const;

/** The six Bijlage 5 column headers in each language (overviewExport.column.*). */
export const COLUMN_HEADERS: Record<Locale, readonly string[]> = {
  nl: COLUMNS.map((c) => translator('nl')(`overviewExport.column.${c}`)),
  en: COLUMNS.map((c) => translator('en')(`overviewExport.column.${c}`)),
};

/** The words around an export's tables, from the message catalogue (overviewExport.*). */
export function text(locale: Locale) {
  const t = translator(locale);
  return {
    title: t('overviewExport.title'),
    composition: t('overviewExport.composition'),
    study: t('overviewExport.study'),
    population: t('overviewExport.population'),
    date: t('overviewExport.date'),
    organisation: t('overviewExport.organisation'),
    total: t('overviewExport.total'),
    page: t('overviewExport.page'),
    noRespondents: t('overviewExport.noRespondents'),
    suppressed: (n: number) => t('overviewExport.suppressed', { n }),
    uniqueRows: (count: number) => t('overviewExport.uniqueRows', { count }),
  };
}

export function populationLabel(population: Population, locale: Locale): string {
  return translator(locale)(`overviewExport.population.${population}`);
}

/** Column headers of the composition table, quadrants in plural as on page 2 of the report. */
export function compositionHeaders(locale: Locale): string[] {
  return [text(locale).organisation, ...QUADRANTS.map((q) => quadrantPlural(q, locale)), text(locale).total];
}

export function quadrantPlural(q: Quadrant, locale: Locale): string {
  return translator(locale)(`quadrantPlural.${q}`);
}

/** A composition count for display: "*" where suppressed. */
export function showCount(count: Count): string {
  return count === null ? '*' : String(count);
}

/** The six columns of Bijlage 5, labelled; gender stays m / v / x in every locale. */
export function rowCells(row: OrganisationRow, locale: Locale): string[] {
  const t = translator(locale);
  return [
    row.gender,
    row.age,
    t(`education.${row.education}`),
    t(`digitalComfort.${row.digitalComfort}`),
    t(`quadrant.${row.quadrant}`),
    row.organisation,
  ];
}

/** What exports print as the study: its title for people; the slug only when no title is given. */
export function studyName(summary: { study: string }, opts: { studyTitle?: string }): string {
  return opts.studyTitle?.trim() || summary.study;
}

/** The organisations whose rows follow: by default every organisation of the composition table. */
export function rowOrganisations(
  summary: { organisations: readonly { name: string }[] },
  opts: { rowOrganisations?: readonly string[] },
): string[] {
  return [...(opts.rowOrganisations ?? summary.organisations.map((o) => o.name))];
}

export function formatDate(date: Date, locale: Locale): string {
  return date.toLocaleDateString(LOCALE_TAG[locale], { day: 'numeric', month: 'long', year: 'numeric' });
}
