// Anonymisation for respondent overviews. Pure: no framework imports.
// What leaves the platform is only the six columns of Bijlage 5; everything else about a respondent
// (name, e-mail, phone, id, free text) is dropped here by construction, not by filtering.
import type { DigitalComfort, Education, Gender, Quadrant, RespondentProfile } from '../common/domain';

export interface OverviewRow {
  gender: Gender;
  /** As given ("47", "45-54") or as a band ("45-54", "<25", "75+"). */
  age: string;
  education: Education;
  digitalComfort: DigitalComfort;
  quadrant: Quadrant;
}

/** A row as the exporters stream it: the organisation travels with the row. */
export interface OrganisationRow extends OverviewRow {
  organisation: string;
}

/** What the service hands over per respondent; any extra properties on the object are ignored. */
export interface OverviewInput extends RespondentProfile {
  organisation: string;
}

export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The ten-year band of an age or age range; a range counts by its middle ("65-70" → "65-74"). */
export function ageBand(ageMin: number, ageMax: number): AgeBand {
  const middle = (ageMin + ageMax) / 2;
  if (middle < 25) return '<25';
  if (middle >= 75) return '75+';
  return AGE_BANDS[Math.floor((middle - 15) / 10)];
}

/** Copies only the overview columns, so an entity with names or e-mail addresses can be passed safely. */
export function anonymiseRow(input: OverviewInput, opts: { ageBands: boolean }): OrganisationRow {
  return {
    gender: input.gender,
    age: opts.ageBands ? ageBand(input.ageMin, input.ageMax) : input.age,
    education: input.education,
    digitalComfort: input.digitalComfort,
    quadrant: input.quadrant,
    organisation: input.organisation,
  };
}

export async function* anonymiseRows(
  inputs: Iterable<OverviewInput> | AsyncIterable<OverviewInput>,
  opts: { ageBands: boolean },
): AsyncGenerator<OrganisationRow> {
  for await (const input of inputs) yield anonymiseRow(input, opts);
}

export interface Disclosure {
  /** The smallest number of identical rows (k-anonymity); 0 when there are no rows. */
  k: number;
  /** How many rows are the only one with their combination of values. */
  uniqueRows: number;
  warning?: string;
}

/** Counts identical rows incrementally, so a streamed export can check disclosure in the same pass. */
export class DisclosureCounter {
  private readonly counts = new Map<string, number>();

  add(row: OrganisationRow): void {
    const key = [row.organisation, row.quadrant, row.gender, row.age, row.education, row.digitalComfort].join('\u0000');
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  result(): Disclosure {
    let k = Infinity;
    let uniqueRows = 0;
    for (const n of this.counts.values()) {
      k = Math.min(k, n);
      if (n === 1) uniqueRows++;
    }
    return disclosure(this.counts.size === 0 ? 0 : k, uniqueRows);
  }
}

/** The disclosure check from its two figures, however they were counted (in memory or by the database). */
export function disclosure(k: number, uniqueRows: number): Disclosure {
  if (uniqueRows === 0) return { k, uniqueRows };
  const warning =
    `${uniqueRows} row${uniqueRows === 1 ? ' is' : 's are'} unique on gender, age, education, digital comfort, ` +
    'quadrant and organisation: such a respondent may be recognisable. Use age bands, or share only the composition table.';
  return { k, uniqueRows, warning };
}

export function disclosureCheck(rows: Iterable<OrganisationRow>): Disclosure {
  const counter = new DisclosureCounter();
  for (const row of rows) counter.add(row);
  return counter.result();
}

/** A count in the composition table; null where it is suppressed. */
export type Count = number | null;

export interface CompositionTable<Q extends string = Quadrant> {
  organisations: { name: string; total: Count; counts: Record<Q, Count> }[];
  totals: { total: Count; counts: Record<Q, Count> };
}

/**
 * Suppresses counts from 1 to threshold-1, then keeps suppressing the smallest remaining count of any
 * row or column that has exactly one suppressed cell, because the published total would give it away.
 * The grand total stays: it is the size of the study, which is public anyway.
 */
export function suppressSmallCells<Q extends string>(
  table: CompositionTable<Q>,
  threshold: number,
): CompositionTable<Q> {
  const quadrants = Object.keys(table.totals.counts) as Q[];
  interface Cell {
    value: number;
    suppressed: boolean;
    isTotal: boolean;
  }
  const cell = (value: Count, isTotal: boolean): Cell => ({
    value: value ?? 0,
    suppressed: value === null || (value > 0 && value < threshold),
    isTotal,
  });

  const lines = table.organisations.map((o) => ({
    total: cell(o.total, true),
    counts: quadrants.map((q) => cell(o.counts[q], false)),
  }));
  const quadrantTotals = quadrants.map((q) => cell(table.totals.counts[q], true));

  // Each group sums to a published figure (an organisation's total, a quadrant total, the grand total).
  const groups: Cell[][] = [
    ...lines.map((l) => [...l.counts, l.total]),
    ...quadrants.map((_, i) => [...lines.map((l) => l.counts[i]), quadrantTotals[i]]),
    quadrantTotals,
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (group.filter((c) => c.suppressed).length !== 1) continue;
      const candidates = group
        .filter((c) => !c.suppressed)
        .sort((a, b) => Number(a.isTotal) - Number(b.isTotal) || a.value - b.value);
      const next = candidates.find((c) => c.value > 0) ?? candidates[0];
      if (!next) continue;
      next.suppressed = true;
      changed = true;
    }
  }

  const out = (c: Cell): Count => (c.suppressed ? null : c.value);
  const record = (cells: Cell[]) => Object.fromEntries(quadrants.map((q, i) => [q, out(cells[i])])) as Record<Q, Count>;
  return {
    organisations: table.organisations.map((o, i) => ({
      name: o.name,
      total: out(lines[i].total),
      counts: record(lines[i].counts),
    })),
    totals: { total: table.totals.total, counts: record(quadrantTotals) },
  };
}

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Stops a spreadsheet from reading a cell as a formula (CSV injection): a leading =, +, -, @, tab or
 * carriage return gets a ' in front. Plain numbers such as "-3" stay as they are: they cannot run anything.
 */
export function neutraliseCell(value: string): string {
  if (value === '' || PLAIN_NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
