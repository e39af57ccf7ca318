// Small view helpers of the journey pages: download links with the page's filters, and quotes in words.
// Pure: no framework imports.
import type { Locale } from '../common/domain';
import { DownloadLink, downloadLinks } from '../common/download-links';
import { translator } from '../common/view-engine';
import { JOURNEY_FORMATS } from './journey-files';
import type { JourneyQuote } from './journey-partner';

/** Links to every download format with the page's current filters. */
export function journeyLinks(
  path: string,
  filter: { organisation?: string; quadrant?: string; population?: string },
): DownloadLink[] {
  return downloadLinks(path, filter, JOURNEY_FORMATS);
}

export function quoteViews(quotes: readonly JourneyQuote[], locale: Locale) {
  const t = translator(locale);
  return quotes.map((q) => ({
    text: q.text,
    quadrant: q.quadrant,
    stepTitle: t(`journeys.step.${q.step}`),
    codes: q.tekstIds.join(', '),
  }));
}
