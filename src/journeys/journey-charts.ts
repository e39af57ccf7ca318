// The journey pictures as SVG, drawn by vega-lite on the server: a journey map per organisation × quadrant and the
// cause classes per quadrant as stacked bars. Each SVG is one image to assistive technology (role="img"), named by
// its <title>; the page and the PDF put the picture's table (journey-chart-data.ts) beside it.
import type { Locale } from '../common/domain';
import {
  causeBarsSpec,
  causeBarsTitle,
  journeyMapSpec,
  journeyMapTitle,
  type ChartOptions,
} from './journey-chart-data';
import type { Count, JourneyGroup, JourneyReport } from './journey-report';
import { renderSvg } from './vega-renderer';

export interface SvgOptions extends ChartOptions {
  /** The id of the picture's <title>, unique on the page that shows several pictures. */
  id?: string;
}

export async function journeyMapSvg(
  group: JourneyGroup<Count>,
  locale: Locale,
  options: SvgOptions = {},
): Promise<string> {
  const svg = await renderSvg(journeyMapSpec(group, locale, options));
  const id = options.id ?? `journey-map-${slug(group.organisation)}-${group.quadrant}`;
  return accessible(svg, id, journeyMapTitle(group, locale, options));
}

export async function causeBarsSvg(
  report: JourneyReport<Count>,
  locale: Locale,
  options: SvgOptions = {},
): Promise<string> {
  const svg = await renderSvg(causeBarsSpec(report, locale, options));
  return accessible(svg, options.id ?? 'journey-causes', causeBarsTitle(locale));
}

/** Names the SVG: role="img" with aria-labelledby pointing to a <title> as its first child. */
export function accessible(svg: string, id: string, title: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('The renderer did not return an SVG document');
  const tag = open[0].replace(/^<svg\b/, `<svg role="img" aria-labelledby="${escapeXml(id)}"`);
  // Vega gives its mark containers roles (graphics-symbol, graphics-object) even without ARIA descriptions; inside
  // one named image they would be unnamed images of their own, so the drawing keeps no roles.
  const drawing = svg.slice(open[0].length).replace(/ (?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
  return `${tag}<title id="${escapeXml(id)}">${escapeXml(title)}</title>${drawing}`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An id-safe form of a name: letters and digits, the rest as hyphens. */
function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'organisation'
  );
}
