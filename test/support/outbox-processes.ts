import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { join } from 'path';
import type { ResolvedConfig } from '../../src/config/config.module';
import type { PassResult } from '../../src/mail/outbox.worker';

const ROOT = join(__dirname, '..', '..');
const started = new Set<ChildProcessWithoutNullStreams>();

/** Kills any worker process a failed test left behind. */
export function killWorkerProcesses(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
}

export interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once the application booted and waits for "go". */
  ready: Promise<void>;
  go(): void;
  /** The pass result, or null when the process died without printing one; with its exit code or signal. */
  done: Promise<{ result: PassResult | null; code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts test/support/outbox-worker-process.ts against the test's database and SMTP server. */
export function startWorkerProcess(config: ResolvedConfig, env: Record<string, string> = {}): WorkerProcess {
  const databaseUrl = config.database.type === 'postgres' ? config.database.url : `sqlite:${config.database.file}`;
  const child = spawn(process.execPath, ['-r', './bench/register.js', 'test/support/outbox-worker-process.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      DATA_DIR: config.dataDir,
      SESSION_SECRET: config.sessionSecret,
      MAIL_FROM: config.mailFrom,
      ...(config.smtpUrl ? { SMTP_URL: config.smtpUrl } : {}),
      ...env,
    },
  });
  started.add(child);
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{
    result: PassResult | null;
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) =>
    child.on('exit', (code, signal) => {
      markReady();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      resolve({ result: line ? (JSON.parse(line) as PassResult) : null, code, signal, stderr });
    }),
  );
  return { child, ready, go: () => child.stdin.write('go\n'), done };
}
