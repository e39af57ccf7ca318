import { spawn } from 'child_process';
import { join } from 'path';
import { isPostgresRun, runDir } from './test-database';

const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  /** Standard output as bytes, for the binary formats (XLSX, PDF) a command may print. */
  stdoutBytes: Buffer;
  stderr: string;
}

/** Runs the real `kwadrant` command (TypeScript sources, no build needed) as a child process. */
export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const watch = watchQueries();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'bench', 'register.js'), ...watch.args, join(ROOT, 'src', 'cli', 'main.ts'), ...args],
      {
        cwd: ROOT,
        // The specs read the English messages; the Dutch default is checked by passing KWADRANT_LANG: ''.
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'silent',
          KWADRANT_LANG: 'en',
          ...watch.env,
          ...env,
        },
      },
    );
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(chunks);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

/** Where the commands a test starts leave the queries they sent on a busy connection: one file per Jest worker. */
export function childOverlapsFile(): string {
  return join(runDir(), `query-overlaps-w${process.env.JEST_WORKER_ID ?? 1}.log`);
}

/** On PostgreSQL the command records queries sent on a busy connection, as the tests do (one-query-at-a-time.ts). */
function watchQueries(): { args: string[]; env: Record<string, string> } {
  if (!isPostgresRun()) return { args: [], env: {} };
  return {
    args: ['-r', join(ROOT, 'test', 'support', 'one-query-at-a-time.child.ts')],
    env: { KW_QUERY_OVERLAPS_FILE: childOverlapsFile() },
  };
}
