// Small view helpers of the journey pages: download links with the page's filters, and quotes in words.
// Pure: no framework imports.
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import { JOURNEY_FORMATS } from './journey-files';
import type { JourneyQuote } from './journey-partner';

/** Links to every download format with the page's current filters. */
export function journeyLinks(
  path: string,
  filter: { organisation?: string; quadrant?: string; population?: string },
): { format: string; href: string }[] {
  const base = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) base.set(key, value);
  const link = (format: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(base);
    q.set('format', format);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `${path}?${q.toString()}`;
  };
  return [
    ...JOURNEY_FORMATS.filter((f) => f !== 'json').map((format) => ({ format, href: link(format) })),
    { format: 'csv-comma', href: link('csv', { delimiter: 'comma' }) },
    { format: 'json', href: link('json') },
  ];
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
