// How the import readers apply the limits on imported files (read from the environment in config/import-limits.ts).
// They keep a hostile or careless file (a zip bomb, a million rows) from taking the process down. Pure.
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config/import-limits';

export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');

/** Small parts may compress very well (a sheet of blank cells); only larger ones are held to the ratio. */
export const RATIO_CHECK_FROM_BYTES = 1024 * 1024;
/** An Excel workbook has a dozen or so parts; thousands only make the central directory expensive to read. */
export const MAX_ZIP_ENTRIES = 1000;
/** How many problems an import report lists; the total is always counted. */
export const MAX_LISTED_PROBLEMS = 100;

const MB = 1024 * 1024;

/** "20 MB", "512 kB": limits as a person reads them in an error message. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} kB`;
  return `${bytes} bytes`;
}

export type ImportLimitCode =
  'import.too_large' | 'import.too_many_rows' | 'import.unpacked_too_large' | 'import.zip_bomb';

/** A file refused for its size or shape, before anything from it is stored. */
export class ImportLimitError extends Error {
  constructor(
    readonly code: ImportLimitCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImportLimitError';
  }
}
