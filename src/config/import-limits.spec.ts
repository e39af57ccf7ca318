import { ConfigError } from './config-error';
import { DEFAULT_IMPORT_LIMITS, importLimits } from './import-limits';

describe(importLimits.name, () => {
  it('has defaults that let a study-sized file through and stop a hostile one', () => {
    expect(importLimits({})).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(DEFAULT_IMPORT_LIMITS).toEqual({
      maxBytes: 20 * 1024 * 1024,
      maxRows: 100_000,
      maxUnpackedBytes: 100 * 1024 * 1024,
      maxCompressionRatio: 100,
    });
  });

  it('reads each variable as a whole number', () => {
    expect(
      importLimits({
        IMPORT_MAX_BYTES: '1048576',
        IMPORT_MAX_ROWS: ' 500 ',
        IMPORT_MAX_UNPACKED_BYTES: '2097152',
        IMPORT_MAX_COMPRESSION_RATIO: '50',
      }),
    ).toEqual({
      maxBytes: 1048576,
      maxRows: 500,
      maxUnpackedBytes: 2097152,
      maxCompressionRatio: 50,
    });
  });

  it.each([
    ['IMPORT_MAX_BYTES', '20MB'],
    ['IMPORT_MAX_BYTES', '100'],
    ['IMPORT_MAX_ROWS', '0'],
    ['IMPORT_MAX_ROWS', '1.5'],
    ['IMPORT_MAX_ROWS', '-5'],
    ['IMPORT_MAX_UNPACKED_BYTES', '1e9'],
    ['IMPORT_MAX_COMPRESSION_RATIO', '1'],
    ['IMPORT_MAX_COMPRESSION_RATIO', 'abc'],
  ])('stops the start on %s=%p, naming the variable', (name, value) => {
    expect(() => importLimits({ [name]: value })).toThrow(ConfigError);
    expect(() => importLimits({ [name]: value })).toThrow(
      new RegExp(`${name}.*must be a whole number from \\d+ to \\d+, not "${value.replace('.', '\\.')}"`),
    );
  });
});
