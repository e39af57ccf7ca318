// Markdown export: the same tables as the PDF, as text a researcher can paste into a report.
import { QUADRANTS, type Locale } from '../../common/domain';
import type { Overview, OverviewSummary } from '../overview';
import {
  COLUMN_HEADERS,
  compositionHeaders,
  formatDate,
  populationLabel,
  rowCells,
  showCount,
  studyName,
  text,
} from './labels';

export interface MarkdownOptions {
  locale?: Locale;
  generatedAt?: Date;
  /** The study's title for the heading; the overview's slug when absent. */
  studyTitle?: string;
  /** A composition table to show instead of the overview's own (a partner's file: the whole consortium's counts). */
  composition?: OverviewSummary;
}

export function toMarkdown(overview: Overview, opts: MarkdownOptions = {}): string {
  const locale = opts.locale ?? 'nl';
  const t = text(locale);
  const composition = opts.composition ?? overview;
  const lines = [
    `# ${escape(t.title)}`,
    '',
    `**${t.study}:** ${escape(studyName(overview, opts))}  `,
    `**${t.population}:** ${populationLabel(overview.population, locale)}  `,
    `**${t.date}:** ${formatDate(opts.generatedAt ?? new Date(), locale)}`,
    '',
    `## ${t.composition}`,
    '',
    ...table(
      compositionHeaders(locale),
      [
        ...composition.organisations.map((o) => [
          o.name,
          ...QUADRANTS.map((q) => showCount(o.counts[q])),
          showCount(o.total),
        ]),
        [
          t.total,
          ...QUADRANTS.map((q) => showCount(composition.totals.counts[q])),
          showCount(composition.totals.total),
        ],
      ],
      { numeric: true, boldLast: true },
    ),
  ];
  if (composition.suppressedBelow) lines.push('', escape(t.suppressed(composition.suppressedBelow)));
  if (overview.disclosure.uniqueRows > 0) lines.push('', `> ${escape(t.uniqueRows(overview.disclosure.uniqueRows))}`);

  for (const { name, total, rows } of overview.organisations) {
    lines.push('', `## ${escape(name)} (n=${showCount(total)})`, '');
    const cells = rows.map((row) => rowCells({ ...row, organisation: name }, locale));
    lines.push(...(cells.length ? table(COLUMN_HEADERS[locale], cells) : [t.noRespondents]));
  }
  return lines.join('\n') + '\n';
}

function table(
  headers: readonly string[],
  rows: readonly string[][],
  opts: { numeric?: boolean; boldLast?: boolean } = {},
): string[] {
  const line = (cells: readonly string[], bold: boolean) =>
    `| ${cells.map((c) => (bold ? `**${escape(c)}**` : escape(c))).join(' | ')} |`;
  return [
    line(headers, false),
    `| ${headers.map((_, i) => (opts.numeric && i > 0 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r, i) => line(r, !!opts.boldLast && i === rows.length - 1)),
  ];
}

/** Keeps organisation and study names from turning into markup, links or extra table columns. */
function escape(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#!])/g, '\\$1');
}
