// Limits on imported files, from the environment, validated with the rest of the configuration at start-up.
// They keep a hostile or careless file (a zip bomb, a million rows) from taking the process down. Pure. The readers
// that apply them live in common/import/.
import { wholeNumberSetting } from './whole-number-setting';

export interface ImportLimits {
  /** IMPORT_MAX_BYTES: the file as uploaded. */
  maxBytes: number;
  /** IMPORT_MAX_ROWS: rows below the header. */
  maxRows: number;
  /** IMPORT_MAX_UNPACKED_BYTES: an Excel file's parts that are read, unpacked, together. */
  maxUnpackedBytes: number;
  /** IMPORT_MAX_COMPRESSION_RATIO: unpacked size / packed size of any part larger than RATIO_CHECK_FROM_BYTES. */
  maxCompressionRatio: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
};

const MB = 1024 * 1024;

export function importLimits(env: Record<string, string | undefined>): ImportLimits {
  return {
    maxBytes: wholeNumberSetting(env, 'IMPORT_MAX_BYTES', DEFAULT_IMPORT_LIMITS.maxBytes, 1024, 200 * MB),
    maxRows: wholeNumberSetting(env, 'IMPORT_MAX_ROWS', DEFAULT_IMPORT_LIMITS.maxRows, 1, 1_000_000),
    maxUnpackedBytes: wholeNumberSetting(
      env,
      'IMPORT_MAX_UNPACKED_BYTES',
      DEFAULT_IMPORT_LIMITS.maxUnpackedBytes,
      1024,
      1024 * MB,
    ),
    maxCompressionRatio: wholeNumberSetting(
      env,
      'IMPORT_MAX_COMPRESSION_RATIO',
      DEFAULT_IMPORT_LIMITS.maxCompressionRatio,
      2,
      10_000,
    ),
  };
}
