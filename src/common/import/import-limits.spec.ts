import { formatBytes } from './import-limits';

describe(formatBytes.name, () => {
  it('writes sizes as people read them', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(64 * 1024)).toBe('64 kB');
    expect(formatBytes(1536 * 1024 * 1024)).toBe('1536 MB');
    expect(formatBytes(900)).toBe('900 bytes');
  });
});
