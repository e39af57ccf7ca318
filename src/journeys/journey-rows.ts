// The journey report as one long table, a row per organisation × quadrant × step × counted item: what the CSV
// and XLSX files carry, so a spreadsheet can pivot it any way. Pure: no framework imports.
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import type { Count, JourneyReport } from './journey-report';

export const JOURNEY_MEASURES = [
  'rating',
  'channel',
  'initiative',
  'reason',
  'category',
  'cause',
  'avoidable',
] as const;
export type JourneyMeasure = (typeof JOURNEY_MEASURES)[number];

export interface JourneyRow {
  organisation: string;
  quadrant: string;
  /** n of the group. */
  n: Count;
  step: string;
  measure: string;
  /** The counted value's key (a rating, channel, Tekst-ID, cause class …). */
  item: string;
  /** The same in words. */
  label: string;
  /**
   * Respondents for ratings, channels and initiative; segments for reasons and causes; a fraction for the share
   * (absent when nothing is coded).
   */
  count: Count | undefined;
  /** Distinct respondents, for reasons and categories only. */
  respondents: Count | undefined;
}

const COLUMNS = ['organisation', 'quadrant', 'n', 'step', 'measure', 'item', 'label', 'count', 'respondents'] as const;

export function journeyHeaders(locale: Locale): string[] {
  const t = translator(locale);
  return COLUMNS.map((c) => t(`journeyExport.column.${c}`));
}

export function journeyRows(report: JourneyReport<Count>, locale: Locale): JourneyRow[] {
  const t = translator(locale);
  const rows: JourneyRow[] = [];
  for (const g of report.groups) {
    for (const s of g.steps) {
      const add = (
        measure: JourneyMeasure,
        item: string,
        label: string,
        count: Count | undefined,
        respondents?: Count,
      ) =>
        rows.push({
          organisation: g.organisation,
          quadrant: t(`quadrant.${g.quadrant}`),
          n: g.respondents,
          step: t(`journeys.step.${s.step}`),
          measure: t(`journeys.measure.${measure}`),
          item,
          label,
          count,
          respondents,
        });
      for (const [key, v] of Object.entries(s.ratings)) add('rating', key, t(`journeys.rating.${key}`), v);
      for (const [key, v] of Object.entries(s.channels)) add('channel', key, t(`journeys.channel.${key}`), v);
      for (const [key, v] of Object.entries(s.initiative)) add('initiative', key, t(`journeys.initiative.${key}`), v);
      for (const r of s.reasons) add('reason', r.tekstId, r.path.join(' > '), r.segments, r.respondents);
      for (const c of s.reasonCategories) add('category', c.categorie1, c.categorie1, c.segments, c.respondents);
      for (const [key, v] of Object.entries(s.causes)) add('cause', key, t(`journeys.cause.${key}`), v);
      add('avoidable', 'count', t('journeys.avoidable.count'), s.avoidable.count);
      add('avoidable', 'coded', t('journeys.avoidable.coded'), s.avoidable.coded);
      add(
        'avoidable',
        'share',
        t('journeys.avoidable.share'),
        s.avoidable.share === null ? undefined : Math.round(s.avoidable.share * 10_000) / 10_000,
      );
    }
  }
  return rows;
}

/** A row as text cells; a suppressed count (null) is written as "*", an absent one as empty. */
export function rowCells(row: JourneyRow): (string | number)[] {
  const cell = (v: Count | undefined) => (v === undefined ? '' : v === null ? '*' : v);
  return [
    row.organisation,
    row.quadrant,
    cell(row.n),
    row.step,
    row.measure,
    row.item,
    row.label,
    cell(row.count),
    cell(row.respondents),
  ];
}
