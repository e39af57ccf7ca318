import { Client } from 'pg';

// On PostgreSQL each Jest worker runs its files against a database of its own, so files in different workers never
// see each other's rows. The global setup migrates the database TEST_DATABASE_URL names once and copies it per
// worker; the names keep that database's name (and so the word "test") with the worker's number.

/** The database of Jest worker `worker` (JEST_WORKER_ID, from 1; running in band is worker 1). */
export function workerDatabaseUrl(url: string, worker: number): string {
  const u = new URL(url);
  u.pathname = `/${databaseName(url)}_w${worker}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `work` on the server's maintenance database: a database cannot be copied while anyone is connected to it. */
async function onServer(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Copies the migrated database once per worker, replacing copies a killed run left behind. Returns their URLs. */
export async function createWorkerDatabases(url: string, workers: number): Promise<string[]> {
  const urls = Array.from({ length: workers }, (_, i) => workerDatabaseUrl(url, i + 1));
  await onServer(url, async (client) => {
    for (const copy of urls) {
      await client.query(`DROP DATABASE IF EXISTS ${quoted(databaseName(copy))} WITH (FORCE)`);
      // FILE_COPY: copying the files of a small database is faster than writing them to the WAL page by page.
      await client.query(
        `CREATE DATABASE ${quoted(databaseName(copy))} TEMPLATE ${quoted(databaseName(url))} STRATEGY FILE_COPY`,
      );
    }
  });
  return urls;
}

/** Drops the workers' databases, also when a command a failed test started still holds a connection. */
export async function dropWorkerDatabases(urls: string[]): Promise<void> {
  if (!urls.length) return;
  await onServer(urls[0], async (client) => {
    for (const copy of urls) await client.query(`DROP DATABASE IF EXISTS ${quoted(databaseName(copy))} WITH (FORCE)`);
  });
}
