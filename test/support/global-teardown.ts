import { rmSync } from 'fs';

/** Removes this run's SQLite files and data folders. */
export default function globalTeardown(): void {
  const dir = process.env.KW_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
