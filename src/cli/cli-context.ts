import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { AppError } from '../common/app-error';
import { ConfigError } from '../config/config';
import { resolveConfig } from '../config/resolve-config';
import { configErrorText } from '../common/config-error-text';
import { errorBody, errorMessage } from '../common/error-body';
import { cliLocale, say } from './cli-locale';
import { textOf } from '../common/text-of';

/** Runs one CLI action inside the application (same services, same database) and closes it afterwards; no background mail loop. */
export async function withApp<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = resolveConfig();
  const app = await NestFactory.createApplicationContext(
    AppModule.forConfig({ ...config, logLevel: 'silent', mailWorker: false }),
    { logger: false, abortOnError: false },
  );
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** An expected failure as one line in the command line's language: the catalogue text of its code. */
export function sayError(err: AppError): string {
  return say('cli.error', { message: errorMessage(err, cliLocale()) });
}

/** Turns expected failures into one readable line and a non-zero exit code. */
export function reportAndExit(err: unknown): never {
  if (err instanceof AppError) {
    // The error's catalogue text in the command line's language, as the API and pages say it.
    const locale = cliLocale();
    const body = errorBody(err, 'CLI', '', locale);
    process.stderr.write(`${say('cli.error', { message: body.message })}\n`);
    // Details are written in English for programs; a reader in another language gets them only where they were put
    // into their words (a refused option), not as an English block under a sentence in their own language.
    const inReadersWords = locale === 'en' || (err.code === 'validation.failed' && err.problems !== undefined);
    if (body.details && inReadersWords) process.stderr.write(JSON.stringify(body.details, null, 2) + '\n');
    process.exit(err.kind === 'invalid' ? 2 : 1);
  }
  if (err instanceof ConfigError) {
    // The settings are read when a command starts, after its language was chosen from --lang and the environment.
    process.stderr.write(`${configErrorText(err, cliLocale())}\n`);
    process.exit(2);
  }
  process.stderr.write(`${say('cli.unexpected')} ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}

/** One unreadable row of an imported file, with where it is and why. */
export function problemLine(p: { line: number; column: string; value?: string | null; reason: string }): string {
  return say('cli.problemLine', {
    line: p.line,
    column: p.column,
    value: p.value ? ` ("${p.value}")` : '',
    reason: p.reason,
  });
}

/** The causes of an unreadable file the catalogue words; another cause keeps the system's own text. */
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'cli.fileProblem.missing',
  ENOTDIR: 'cli.fileProblem.missing',
  EISDIR: 'cli.fileProblem.folder',
  EACCES: 'cli.fileProblem.noAccess',
  EPERM: 'cli.fileProblem.noAccess',
};

/** A file a command cannot read (`cause`: what reading it threw), said in the command line's language. */
export function unreadableFile(file: string, cause: unknown = { code: 'ENOENT', message: 'no such file' }): AppError {
  const { code, message } = cause as { code?: string; message?: string };
  const key = code === undefined ? undefined : FILE_PROBLEMS[code];
  return AppError.invalid('cli.file', `Cannot read ${file}: ${message ?? String(cause)}`, undefined, {
    file,
    reason: key ? { textKey: key } : (message ?? String(cause)),
  });
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw AppError.invalid(
      'cli.stdin_required',
      'Pipe the password on standard input, e.g. `printf %s "$PASSWORD" | kwadrant users create …`.',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** A plain aligned table for terminals, its column headings in the command line's language (`cli.column.<key>`). */
export function printTable(rows: Record<string, unknown>[]): void {
  if (!rows.length) {
    process.stdout.write(`${say('cli.none')}\n`);
    return;
  }
  const cols = Object.keys(rows[0]);
  const headings = cols.map((c) => say(`cli.column.${c}`));
  const widths = cols.map((c, i) => Math.max(headings[i].length, ...rows.map((r) => textOf(r[c]).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(
    [
      line(headings),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map((r) => line(cols.map((c) => textOf(r[c])))),
    ].join('\n') + '\n',
  );
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw AppError.invalid('cli.format', `--format must be one of ${allowed.join(', ')}.`, undefined, {
      allowed: allowed.join(', '),
    });
  return value as T;
}
