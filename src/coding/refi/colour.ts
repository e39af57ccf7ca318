// Code colours as REFI-QDA writes and reads them. Pure: no framework imports.
// The schema's RGBType is "#RRGGBB" or "#RGB"; tools also write lower case, leave out the "#", or write eight
// digits with an alpha channel. The platform keeps "#RRGGBB" in upper case.

/** "#RRGGBB" from any of the notations above, or null when the value is no colour. */
export function normaliseColour(raw: string | undefined | null): string | null {
  if (typeof raw !== 'string') return null;
  const hex = raw.trim().replace(/^#/, '');
  if (!/^[0-9a-f]+$/i.test(hex)) return null;
  switch (hex.length) {
    case 3:
      return `#${[...hex].map((d) => d + d).join('')}`.toUpperCase();
    case 6:
      return `#${hex}`.toUpperCase();
    case 8:
      // Eight digits carry an alpha channel that code colours never use: first in Qt and .NET (#AARRGGBB), last
      // in CSS (#RRGGBBAA). An opaque alpha (FF) tells which end it is; otherwise Qt/.NET order is assumed.
      return `#${/^ff/i.test(hex) || !/ff$/i.test(hex) ? hex.slice(2) : hex.slice(0, 6)}`.toUpperCase();
    default:
      return null;
  }
}
