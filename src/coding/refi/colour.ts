// Code colours as REFI-QDA writes and reads them. Pure: no framework imports.
// The schema's RGBType is "#RRGGBB" or "#RGB"; tools also write lower case, leave out the "#", or (Windows tools
// that serialise a .NET colour) write eight digits "#AARRGGBB" with the alpha channel first. The platform keeps
// "#RRGGBB" in upper case.

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
      // Alpha first: a code colour is never transparent in any tool, so the alpha is dropped.
      return `#${hex.slice(2)}`.toUpperCase();
    default:
      return null;
  }
}
