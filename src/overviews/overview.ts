// The respondent overview per organisation (Bijlage 5) and the composition table (page 2 of the report).
// Pure: no framework imports. The JSON of the API is exactly the `Overview` built here.
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS, type Quadrant } from '../common/domain';
import {
  anonymiseRow,
  DisclosureCounter,
  suppressSmallCells,
  type Count,
  type Disclosure,
  type OrganisationRow,
  type OverviewInput,
  type OverviewRow,
} from './anonymise';

export { ageBand, type OrganisationRow, type OverviewInput, type OverviewRow } from './anonymise';

export const POPULATIONS = ['participants', 'invited', 'eligible', 'all'] as const;
export type Population = (typeof POPULATIONS)[number];

export type QuadrantCounts = Record<Quadrant, Count>;

export interface CompositionLine {
  name: string;
  total: Count;
  counts: QuadrantCounts;
}

/** Everything an export needs before its first row: the heading and the composition table. */
export interface OverviewSummary {
  study: string;
  population: Population;
  organisations: CompositionLine[];
  totals: { total: Count; counts: QuadrantCounts };
  /** Set when counts from 1 up to this threshold (exclusive) were suppressed; suppressed counts are null. */
  suppressedBelow?: number;
}

export interface OrganisationOverview extends CompositionLine {
  rows: OverviewRow[];
}

export interface Overview extends OverviewSummary {
  organisations: OrganisationOverview[];
  disclosure: Disclosure;
}

export interface OverviewOptions {
  /** Show ages in ten-year bands instead of as given; the default for partners. */
  ageBands: boolean;
  /** Suppress composition counts below this number. */
  suppressBelow?: number;
}

/** One cell of the composition: how many respondents of an organisation are in a quadrant. */
export interface CompositionCount {
  organisation: string;
  quadrant: Quadrant;
  count: number;
}

const emptyCounts = (): Record<Quadrant, number> => ({
  informatiezoeker: 0,
  zekerheidszoeker: 0,
  'rust-in-je-hoofdzoeker': 0,
  gemakzoeker: 0,
});

/**
 * The summary from counts alone (e.g. a GROUP BY organisation, quadrant), so a streamed export can
 * write the composition table before its first row. `organisations` is every organisation of the study
 * in display order: one without respondents still appears, with zeros.
 */
export function buildSummary(
  study: string,
  population: Population,
  organisations: readonly string[],
  counts: Iterable<CompositionCount>,
  opts: { suppressBelow?: number } = {},
): OverviewSummary {
  const lines = new Map(organisations.map((name) => [name, emptyCounts()]));
  if (lines.size !== organisations.length) throw new Error('Organisation names in an overview must be unique');
  for (const { organisation, quadrant, count } of counts) {
    const line = lines.get(organisation);
    if (!line) throw new Error(`Organisation "${organisation}" is not part of this overview`);
    line[quadrant] += count;
  }
  const totals = emptyCounts();
  const table = {
    organisations: organisations.map((name) => {
      const c = lines.get(name)!;
      for (const q of QUADRANTS) totals[q] += c[q];
      return { name, total: sum(c), counts: c };
    }),
    totals: { total: sum(totals), counts: totals as QuadrantCounts },
  };
  const { suppressBelow } = opts;
  if (!suppressBelow || suppressBelow <= 1) return { study, population, ...table };
  return { study, population, ...suppressSmallCells(table, suppressBelow), suppressedBelow: suppressBelow };
}

/** The complete overview in memory: for the JSON API, the HTML page and Markdown. */
export function buildOverview(
  study: string,
  population: Population,
  organisations: readonly string[],
  respondents: Iterable<OverviewInput>,
  opts: OverviewOptions,
): Overview {
  const rowsByOrganisation = new Map<string, OverviewRow[]>(organisations.map((name) => [name, []]));
  const counts = new Map(organisations.map((name) => [name, emptyCounts()]));
  const disclosure = new DisclosureCounter();
  for (const input of respondents) {
    const row = anonymiseRow(input, opts);
    const rows = rowsByOrganisation.get(row.organisation);
    if (!rows) throw new Error(`Organisation "${row.organisation}" is not part of this overview`);
    const { organisation, ...rest } = row;
    rows.push(rest);
    counts.get(organisation)![row.quadrant]++;
    disclosure.add(row);
  }
  const cells = [...counts].flatMap(([organisation, c]) =>
    QUADRANTS.map((quadrant) => ({ organisation, quadrant, count: c[quadrant] })),
  );
  const summary = buildSummary(study, population, organisations, cells, opts);
  return {
    ...summary,
    organisations: summary.organisations.map((line) => ({
      ...line,
      rows: rowsByOrganisation.get(line.name)!.sort(compareRows),
    })),
    disclosure: disclosure.result(),
  };
}

/** The overview's rows with their organisation, in order: the row source for the exporters. */
export function* overviewRows(overview: Overview): Generator<OrganisationRow> {
  for (const organisation of overview.organisations) {
    for (const row of organisation.rows) yield { ...row, organisation: organisation.name };
  }
}

/** Sort key of an age as given or banded: "<25" before "25-34", "45-54" before "47", "75+" last. */
export function ageSortKey(age: string): [number, number] {
  const text = age.trim();
  let m = /^<\s*(\d+)$/.exec(text);
  if (m) return [-1, Number(m[1]) - 1];
  m = /^(\d+)\s*\+$/.exec(text);
  if (m) return [Number(m[1]), Number.MAX_SAFE_INTEGER];
  m = /^(\d+)\s*[-–]\s*(\d+)$/.exec(text);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(\d+)$/.exec(text);
  if (m) return [Number(m[1]), Number(m[1])];
  return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

/** Quadrant order of DESIGN.md, then age; the remaining columns only make the order deterministic. */
export function compareRows(a: OverviewRow, b: OverviewRow): number {
  const [aMin, aMax] = ageSortKey(a.age);
  const [bMin, bMax] = ageSortKey(b.age);
  return (
    QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant) ||
    aMin - bMin ||
    aMax - bMax ||
    GENDERS.indexOf(a.gender) - GENDERS.indexOf(b.gender) ||
    EDUCATIONS.indexOf(a.education) - EDUCATIONS.indexOf(b.education) ||
    DIGITAL_COMFORTS.indexOf(a.digitalComfort) - DIGITAL_COMFORTS.indexOf(b.digitalComfort)
  );
}

function sum(counts: Record<Quadrant, number>): number {
  return QUADRANTS.reduce((n, q) => n + counts[q], 0);
}
