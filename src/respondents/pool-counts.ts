// The recruitment count table: organisation × quadrant against the study's target. Pure: no framework imports.
import { Quadrant, QUADRANTS, RespondentStatus } from '../common/domain';

/** Statuses of people who (still) count towards the groups; ineligible, declined and erased do not. */
export const COUNTED_STATUSES: readonly RespondentStatus[] = [
  'eligible',
  'grouped',
  'invited',
  'confirmed',
  'participated',
];

export interface CountSettings {
  groupsPerQuadrant: number;
  groupTargetSize: number;
  reservesPerGroup: number;
}

export interface CountCell {
  quadrant: Quadrant;
  count: number;
  target: number;
  shortfall: number;
}

export interface CountRow {
  organisationId: number;
  organisation: string;
  cells: CountCell[];
  count: number;
  shortfall: number;
}

export interface CountTable {
  /** Per organisation × quadrant: the groups' seats plus their reserves. */
  target: number;
  rows: CountRow[];
  totals: CountCell[];
  count: number;
  shortfall: number;
}

export function targetPerCell(s: CountSettings): number {
  return s.groupsPerQuadrant * s.groupTargetSize + s.groupsPerQuadrant * s.reservesPerGroup;
}

/** `respondents` are people, or groups of `n` alike people (the database's counts per cell). */
export function countTable(
  respondents: readonly {
    organisationId: number | null;
    quadrant: Quadrant | null;
    status: RespondentStatus;
    n?: number;
  }[],
  organisations: readonly { id: number; name: string }[],
  settings: CountSettings,
): CountTable {
  const target = targetPerCell(settings);
  const counts = new Map<string, number>();
  for (const r of respondents) {
    if (r.organisationId === null || r.quadrant === null || !COUNTED_STATUSES.includes(r.status)) continue;
    const key = `${r.organisationId}|${r.quadrant}`;
    counts.set(key, (counts.get(key) ?? 0) + (r.n ?? 1));
  }
  const cell = (quadrant: Quadrant, count: number, cellTarget: number): CountCell => ({
    quadrant,
    count,
    target: cellTarget,
    shortfall: Math.max(0, cellTarget - count),
  });
  const rows = organisations.map((o) => {
    const cells = QUADRANTS.map((q) => cell(q, counts.get(`${o.id}|${q}`) ?? 0, target));
    return {
      organisationId: o.id,
      organisation: o.name,
      cells,
      count: sum(cells.map((c) => c.count)),
      shortfall: sum(cells.map((c) => c.shortfall)),
    };
  });
  const totals = QUADRANTS.map((q, i) => {
    const column = rows.map((r) => r.cells[i]);
    return {
      quadrant: q,
      count: sum(column.map((c) => c.count)),
      target: target * rows.length,
      shortfall: sum(column.map((c) => c.shortfall)),
    };
  });
  return { target, rows, totals, count: sum(rows.map((r) => r.count)), shortfall: sum(rows.map((r) => r.shortfall)) };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
