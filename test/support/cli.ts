import { spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `kwadrant` command (TypeScript sources, no build needed) as a child process. */
export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'bench', 'register.js'), join(ROOT, 'src', 'cli', 'main.ts'), ...args],
      {
        cwd: ROOT,
        // The specs read the English messages; the Dutch default is checked by passing KWADRANT_LANG: ''.
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', KWADRANT_LANG: 'en', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
