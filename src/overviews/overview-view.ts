// View models of the overview pages: labels and counts ready for Handlebars, which cannot look things up.
import { QUADRANTS } from '../common/domain';
import { pagerView } from '../common/pager';
import { showCount } from './exporters/labels';
import type { Overview, OverviewSummary } from './overview';
import { DownloadLink, downloadLinks } from '../common/download-links';
import type { OverviewRequest } from './overviews.service';
import { EXPORT_FORMATS } from './overview-request';

export function compositionView(summary: OverviewSummary) {
  return {
    quadrants: QUADRANTS,
    lines: summary.organisations.map((o) => ({
      name: o.name,
      counts: QUADRANTS.map((q) => showCount(o.counts[q])),
      total: showCount(o.total),
    })),
    totals: {
      counts: QUADRANTS.map((q) => showCount(summary.totals.counts[q])),
      total: showCount(summary.totals.total),
    },
    suppressedBelow: summary.suppressedBelow,
  };
}

/** Each organisation with one page of its rows (the page's offset and limit); the total counts them all. */
export function organisationsView(overview: Overview, page: { offset: number; limit: number }) {
  return overview.organisations.map((o) => ({
    name: o.name,
    total: showCount(o.total),
    rows: o.rows.slice(page.offset, page.offset + page.limit),
  }));
}

/** The pager under the rows: as long as the organisation with the most rows. */
export function rowsPager(path: string, filter: object, overview: Overview, page: { offset: number; limit: number }) {
  const longest = Math.max(0, ...overview.organisations.map((o) => o.rows.length));
  return pagerView(path, filter, {
    total: longest,
    offset: page.offset,
    limit: page.limit,
    count: Math.max(0, Math.min(page.limit, longest - page.offset)),
  });
}

/** Links to every download format with the page's current choices. */
export function overviewLinks(path: string, request: OverviewRequest): DownloadLink[] {
  const { organisation, population, ageBands, suppressBelow } = request;
  return downloadLinks(
    path,
    { organisation, population, ageBands, suppressBelow: suppressBelow || undefined },
    EXPORT_FORMATS,
  );
}
