import { appendFileSync, readFileSync, rmSync } from 'fs';
import { Client } from 'pg';

// Inside a transaction every repository shares one PostgreSQL connection. A query sent on it while another still
// runs is queued by pg (deprecated, it throws from pg@9) and runs in an order the code does not show. pg only warns,
// once per process and only from the third query in flight, so the tests look at every query themselves.
const overlaps: string[] = [];

interface PgClientState {
  _activeQuery?: unknown;
  _queryQueue?: unknown[];
}

let installed = false;

/** Records, with its stack, every query sent on a pg connection that is still busy with an earlier one. */
export function watchOverlappingQueries(): void {
  if (installed) return;
  installed = true;
  const query = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const state = this as unknown as PgClientState;
    if (state._activeQuery || (state._queryQueue?.length ?? 0) > 0) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      overlaps.push(`${String(text).slice(0, 200)}\n${new Error('sent while another query runs').stack}`);
    }
    return query.apply(this, args);
  };
}

/** In a child process: hands what it recorded to the test that started it, when it ends. */
export function reportOverlappingQueriesOnExit(): void {
  watchOverlappingQueries();
  const file = process.env.KW_QUERY_OVERLAPS_FILE;
  if (!file) throw new Error('KW_QUERY_OVERLAPS_FILE is not set: start the child process through test/support/cli.ts.');
  process.on('exit', () => {
    if (overlaps.length) appendFileSync(file, overlaps.map((o) => `${o}\n\n`).join(''));
  });
}

/** What this process and the child processes that wrote to `childFile` recorded since the last call. */
export function takeOverlappingQueries(childFile: string): string[] {
  let fromChildren = '';
  try {
    fromChildren = readFileSync(childFile, 'utf8');
    rmSync(childFile);
  } catch {
    // No child process reported any.
  }
  return [...overlaps.splice(0), ...(fromChildren ? [`in a child process:\n${fromChildren.trim()}`] : [])];
}
