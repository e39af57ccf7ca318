// The pictures of a journey page, each with its data as a table beside it (templates/partials/journeys/picture.hbs):
// the cause classes per quadrant, and a journey map per organisation × quadrant that has respondents.
import type { Locale } from '../common/domain';
import { causeBarsTable, journeyMapTable, type ChartTable } from './journey-chart-data';
import { causeBarsSvg, journeyMapSvg } from './journey-charts';
import type { Count, JourneyReport } from './journey-report';

export interface PictureView {
  svg: string;
  table: ChartTable;
}

export async function journeyPictures(
  report: JourneyReport<Count>,
  locale: Locale,
  opts: { idPrefix: string; suppressedBelow?: number },
): Promise<{ causes: PictureView; maps: PictureView[] }> {
  const charts = { suppressedBelow: opts.suppressedBelow };
  // An empty group's map says nothing the tables do not; the page would only grow.
  const groups = report.groups.filter((g) => g.respondents !== 0);
  const [causes, ...maps] = await Promise.all([
    causeBarsSvg(report, locale, { ...charts, id: `${opts.idPrefix}-causes` }),
    ...groups.map((g, i) => journeyMapSvg(g, locale, { ...charts, id: `${opts.idPrefix}-map-${i + 1}` })),
  ]);
  return {
    causes: { svg: causes, table: causeBarsTable(report, locale, charts) },
    maps: groups.map((g, i) => ({ svg: maps[i], table: journeyMapTable(g, locale, charts) })),
  };
}
