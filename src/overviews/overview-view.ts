// View models of the overview pages: labels and counts ready for Handlebars, which cannot look things up.
import { QUADRANTS } from '../common/domain';
import { pagerView } from '../common/pager';
import { showCount } from './exporters/labels';
import type { Overview, OverviewSummary } from './overview';
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
export function downloadLinks(path: string, request: OverviewRequest) {
  const base = new URLSearchParams();
  if (request.organisation) base.set('organisation', request.organisation);
  if (request.population) base.set('population', request.population);
  if (request.ageBands !== undefined) base.set('ageBands', String(request.ageBands));
  if (request.suppressBelow) base.set('suppressBelow', String(request.suppressBelow));
  const link = (format: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(base);
    q.set('format', format);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `${path}?${q.toString()}`;
  };
  return [
    ...EXPORT_FORMATS.filter((f) => f !== 'json').map((format) => ({ format, href: link(format) })),
    { format: 'csv-comma', href: link('csv', { delimiter: 'comma' }) },
    { format: 'json', href: link('json') },
  ];
}
