// Download links of an export page: one per file format, each keeping the page's current filters. Pure.

export interface DownloadLink {
  format: string;
  href: string;
}

/**
 * Every format but JSON, then CSV with commas (for spreadsheets set to English), then JSON last: the order the
 * export pages show them in. Filters without a value are left out of the links.
 */
export function downloadLinks(
  path: string,
  filters: Record<string, string | number | boolean | undefined | null>,
  formats: readonly string[],
): DownloadLink[] {
  const base = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && value !== '') base.set(key, String(value));
  const link = (format: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(base);
    q.set('format', format);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `${path}?${q.toString()}`;
  };
  return [
    ...formats.filter((f) => f !== 'json').map((format) => ({ format, href: link(format) })),
    { format: 'csv-comma', href: link('csv', { delimiter: 'comma' }) },
    { format: 'json', href: link('json') },
  ];
}
