// Headers and value labels of the exports, per locale. Values are shown with the labels of Bijlage 5
// ("HAVO / VWO", "Zeer comfortabel", "Gemakzoeker"), which the Bijlage 5 importer reads back.
import { DIGITAL_COMFORT_LABELS, EDUCATION_LABELS, LOCALE_TAG, QUADRANT_LABELS, QUADRANTS, type Locale, type Quadrant } from '../../common/domain';
import type { Count, OrganisationRow } from '../anonymise';
import type { Population } from '../overview';

export const COLUMN_HEADERS: Record<Locale, readonly string[]> = {
  nl: ['Geslacht', 'Leeftijd', 'Opleidingsniveau', 'Mate comfortabel met digitale middelen', 'Kwadrant', 'Organisatie'],
  en: ['Gender', 'Age', 'Education', 'Digital comfort', 'Quadrant', 'Organisation'],
};

const TEXT = {
  nl: {
    title: 'Respondentenoverzicht',
    composition: 'Samenstelling',
    study: 'Onderzoek',
    population: 'Populatie',
    date: 'Datum',
    organisation: 'Organisatie',
    total: 'Totaal',
    page: 'pagina',
    noRespondents: 'Geen respondenten.',
    suppressed: (n: number) => `* = minder dan ${n} respondenten, of afgeschermd omdat het anders uit de totalen volgt.`,
    uniqueRows: (n: number) => `Let op: ${n} ${n === 1 ? 'rij komt' : 'rijen komen'} maar één keer voor; zo iemand kan herkenbaar zijn.`,
  },
  en: {
    title: 'Respondent overview',
    composition: 'Composition',
    study: 'Study',
    population: 'Population',
    date: 'Date',
    organisation: 'Organisation',
    total: 'Total',
    page: 'page',
    noRespondents: 'No respondents.',
    suppressed: (n: number) => `* = fewer than ${n} respondents, or hidden because the totals would reveal it.`,
    uniqueRows: (n: number) => `Note: ${n} ${n === 1 ? 'row occurs' : 'rows occur'} only once; such a respondent may be recognisable.`,
  },
} as const;

export function text(locale: Locale) {
  return TEXT[locale];
}

const POPULATION_LABELS: Record<Population, Record<Locale, string>> = {
  participants: { nl: 'Deelnemers', en: 'Participants' },
  invited: { nl: 'Uitgenodigd', en: 'Invited' },
  eligible: { nl: 'Geschikt', en: 'Eligible' },
  all: { nl: 'Alle respondenten', en: 'All respondents' },
};

export function populationLabel(population: Population, locale: Locale): string {
  return POPULATION_LABELS[population][locale];
}

/** Column headers of the composition table, quadrants in plural as on page 2 of the report. */
export function compositionHeaders(locale: Locale): string[] {
  return [text(locale).organisation, ...QUADRANTS.map((q) => quadrantPlural(q, locale)), text(locale).total];
}

export function quadrantPlural(q: Quadrant, locale: Locale): string {
  return `${QUADRANT_LABELS[q][locale]}s`;
}

/** A composition count for display: "*" where suppressed. */
export function showCount(count: Count): string {
  return count === null ? '*' : String(count);
}

/** The six columns of Bijlage 5, labelled; gender stays m / v / x in every locale. */
export function rowCells(row: OrganisationRow, locale: Locale): string[] {
  return [
    row.gender,
    row.age,
    EDUCATION_LABELS[row.education][locale],
    DIGITAL_COMFORT_LABELS[row.digitalComfort][locale],
    QUADRANT_LABELS[row.quadrant][locale],
    row.organisation,
  ];
}

/** What exports print as the study: its title for people; the slug only when no title is given. */
export function studyName(summary: { study: string }, opts: { studyTitle?: string }): string {
  return opts.studyTitle?.trim() || summary.study;
}

/** The organisations whose rows follow: by default every organisation of the composition table. */
export function rowOrganisations(summary: { organisations: readonly { name: string }[] }, opts: { rowOrganisations?: readonly string[] }): string[] {
  return [...(opts.rowOrganisations ?? summary.organisations.map((o) => o.name))];
}

export function formatDate(date: Date, locale: Locale): string {
  return date.toLocaleDateString(LOCALE_TAG[locale], { day: 'numeric', month: 'long', year: 'numeric' });
}
