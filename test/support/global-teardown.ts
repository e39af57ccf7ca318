import { rmSync } from 'fs';
import { dropWorkerDatabases } from './worker-databases';

/** Removes this run's SQLite files, data folders and the workers' PostgreSQL databases. */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.KW_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
  const copies = process.env.KW_TEST_WORKER_DATABASES;
  if (copies) await dropWorkerDatabases(JSON.parse(copies) as string[]);
}
