// The journey report as the page shows it: per step, a table with a column per group (the four quadrants of one
// organisation, or one quadrant across organisations) and a row per counted item, each count with its n in the
// column header; then the contact reasons per Tekst-ID and per Categorie 1. Pure: no framework imports.
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import type { Count, JourneyGroup, StepReport } from './journey-report';

export interface CellView {
  text: string;
  /** The column's name, shown in front of the cell when a phone stacks the table's rows as cards. */
  label?: string;
  /** A count under k, shown as "<k" with an explanation. */
  suppressed: boolean;
}

export interface RowView {
  label: string;
  /** A second line under the label (a reason's path). */
  detail?: string;
  cells: CellView[];
}

export interface TableView {
  id: string;
  caption: string;
  rows: RowView[];
}

export interface ColumnView {
  heading: string;
  n: CellView;
}

export interface StepView {
  id: string;
  title: string;
  counts: TableView;
  reasons: TableView;
  categories: TableView;
}

export interface BlockView {
  id: string;
  /** The organisation or quadrant the block is about; absent when the filter already says it. */
  heading?: string;
  columns: ColumnView[];
  steps: StepView[];
}

type Group = JourneyGroup<Count>;

/**
 * Blocks of groups that are shown side by side: one quadrant asked for → that quadrant across organisations in
 * one block; otherwise a block per organisation with its four quadrants.
 */
export function journeyBlocks(
  groups: readonly Group[],
  opts: { locale: Locale; k?: number; quadrant?: string; idPrefix?: string },
): BlockView[] {
  const prefix = opts.idPrefix ?? 'journey';
  if (opts.quadrant !== undefined) {
    return groups.length ? [blockView(`${prefix}-q`, undefined, groups, (g) => g.organisation, opts)] : [];
  }
  const organisations = [...new Set(groups.map((g) => g.organisation))];
  return organisations.map((organisation, i) =>
    blockView(
      `${prefix}-${i + 1}`,
      organisation,
      groups.filter((g) => g.organisation === organisation),
      (g) => translator(opts.locale)(`quadrant.${g.quadrant}`),
      opts,
    ),
  );
}

function blockView(
  id: string,
  heading: string | undefined,
  groups: readonly Group[],
  columnHeading: (g: Group) => string,
  opts: { locale: Locale; k?: number },
): BlockView {
  const t = translator(opts.locale);
  const cell = (v: Count): CellView =>
    v === null
      ? { text: t('journeys.suppressed', { k: opts.k ?? '' }), suppressed: true }
      : { text: String(v), suppressed: false };
  const steps = groups[0]?.steps.map((s, i): StepView => {
    const stepsOf = groups.map((g) => g.steps[i]);
    const stepId = `${id}-${s.step}`;
    const title = t(`journeys.step.${s.step}`);
    return {
      id: stepId,
      title,
      counts: {
        id: `${stepId}-counts`,
        caption: t('journeys.countsCaption', { step: title }),
        rows: countRows(stepsOf, cell, opts),
      },
      reasons: {
        id: `${stepId}-reasons`,
        caption: t('journeys.reasonsCaption', { step: title }),
        rows: reasonRows(
          stepsOf.map((x) => x.reasons.map((r) => ({ key: r.tekstId, detail: r.path.join(' › '), ...r }))),
          cell,
        ),
      },
      categories: {
        id: `${stepId}-categories`,
        caption: t('journeys.categoriesCaption', { step: title }),
        rows: reasonRows(
          stepsOf.map((x) => x.reasonCategories.map((r) => ({ key: r.categorie1, ...r }))),
          cell,
        ),
      },
    };
  });
  const columns = groups.map((g) => ({ heading: columnHeading(g), n: cell(g.respondents) }));
  const labels = columns.map((c) => `${c.heading} (n = ${c.n.text})`);
  const labelled = (table: TableView): TableView => ({
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c, i) => ({ ...c, label: labels[i] })) })),
  });
  return {
    id,
    heading,
    columns,
    steps: (steps ?? []).map((s) => ({
      ...s,
      counts: labelled(s.counts),
      reasons: labelled(s.reasons),
      categories: labelled(s.categories),
    })),
  };
}

function countRows(
  steps: readonly StepReport<Count>[],
  cell: (v: Count) => CellView,
  opts: { locale: Locale },
): RowView[] {
  const t = translator(opts.locale);
  const first = steps[0];
  const rows: RowView[] = [];
  const line = (label: string, pick: (s: StepReport<Count>) => Count) =>
    rows.push({ label, cells: steps.map((s) => cell(pick(s))) });
  for (const key of Object.keys(first.ratings) as (keyof StepReport['ratings'])[])
    line(`${t('journeys.measure.rating')}: ${t(`journeys.rating.${key}`)}`, (s) => s.ratings[key]);
  for (const key of Object.keys(first.channels))
    line(`${t('journeys.measure.channel')}: ${t(`journeys.channel.${key}`)}`, (s) => s.channels[key] ?? 0);
  for (const key of Object.keys(first.initiative))
    line(`${t('journeys.measure.initiative')}: ${t(`journeys.initiative.${key}`)}`, (s) => s.initiative[key] ?? 0);
  for (const key of Object.keys(first.causes) as (keyof StepReport['causes'])[])
    line(`${t('journeys.measure.cause')}: ${t(`journeys.cause.${key}`)}`, (s) => s.causes[key]);
  rows.push({
    label: t('journeys.avoidable.share'),
    cells: steps.map((s) => {
      const { count, coded, share } = s.avoidable;
      if (count === null || coded === null) return cell(null);
      if (share === null) return { text: '–', suppressed: false };
      const percent = new Intl.NumberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
      return { text: `${percent} (${count}/${coded})`, suppressed: false };
    }),
  });
  return rows;
}

/** Every reason any column has, most segments over all columns first; cells "segments (respondents)". */
function reasonRows(
  columns: { key: string; detail?: string; segments: Count; respondents: Count }[][],
  cell: (v: Count) => CellView,
): RowView[] {
  const totals = new Map<string, { detail?: string; segments: number }>();
  for (const column of columns)
    for (const r of column) {
      const t = totals.get(r.key) ?? { detail: r.detail, segments: 0 };
      t.segments += r.segments ?? 0;
      totals.set(r.key, t);
    }
  const keys = [...totals].sort((a, b) => b[1].segments - a[1].segments || a[0].localeCompare(b[0])).map(([k]) => k);
  return keys.map((key) => ({
    label: key,
    detail: totals.get(key)?.detail,
    cells: columns.map((column) => {
      const r = column.find((x) => x.key === key);
      if (!r) return { text: '0', suppressed: false };
      if (r.segments === null) return cell(null);
      return { text: `${r.segments} (${r.respondents === null ? cell(null).text : r.respondents})`, suppressed: false };
    }),
  }));
}
