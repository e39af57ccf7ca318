import { ActionOptions, actionOptions } from './action-options';
import { HomeworkOptions, homeworkOptions } from './homework-options';
import { ImportLimits, importLimits } from './import-limits';
import { ConfigError } from './config-error';
import { parseTrustProxy, TrustProxy } from './trust-proxy';
import { RateLimits, rateLimits } from './rate-limits';

export { ConfigError };

// Typed, validated settings from the environment. Pure apart from reading the environment object it is given.

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** auto: readable lines when stdout is a terminal, JSON lines otherwise. */
export type LogFormat = 'auto' | 'pretty' | 'json';
const LOG_FORMATS: LogFormat[] = ['auto', 'pretty', 'json'];

export type DatabaseConfig = { type: 'better-sqlite3'; file: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  baseUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Absent: generated and kept in the data folder (see session-secret.ts). */
  sessionSecret?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Whether this process runs the outbox sending loop (MAIL_WORKER, default on; the CLI and tests turn it off). */
  mailWorker: boolean;
  homework: HomeworkOptions;
  actions: ActionOptions;
  imports: ImportLimits;
  rateLimits: RateLimits;
  logLevel: LogLevel;
  logFormat: LogFormat;
  adminEmail?: string;
  adminPassword?: string;
  helpPhone: string;
  /** TRUST_PROXY: whose X-Forwarded-For names the client, for every per-address throttle (default: nobody's). */
  trustProxy: TrustProxy;
}

/** Variables whose values never appear in logs or error messages. */
export const SENSITIVE_VARIABLES = ['SESSION_SECRET', 'ADMIN_PASSWORD', 'SMTP_URL', 'DATABASE_URL'] as const;

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const port = parsePort(env.PORT);
  const dataDir = nonEmpty(env, 'DATA_DIR') ?? './data';
  const baseUrl = parseUrl('BASE_URL', nonEmpty(env, 'BASE_URL') ?? `http://localhost:${port}`, [
    'http:',
    'https:',
  ]).replace(/\/$/, '');
  const smtpUrl = nonEmpty(env, 'SMTP_URL');
  if (smtpUrl) parseUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
  const sessionSecret = nonEmpty(env, 'SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long', 'config.problem.minLength', {
      limit: 32,
    });
  }
  const logLevel = (nonEmpty(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, 'config.problem.oneOf', {
      list: LOG_LEVELS.join(', '),
    });
  const logFormat = (nonEmpty(env, 'LOG_FORMAT') ?? 'auto') as LogFormat;
  if (!LOG_FORMATS.includes(logFormat))
    throw new ConfigError('LOG_FORMAT', `must be one of ${LOG_FORMATS.join(', ')}`, 'config.problem.oneOf', {
      list: LOG_FORMATS.join(', '),
    });
  const adminEmail = nonEmpty(env, 'ADMIN_EMAIL');
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(adminEmail))
    throw new ConfigError('ADMIN_EMAIL', 'is not an e-mail address', 'config.problem.email');
  const adminPassword = nonEmpty(env, 'ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 10)
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters long', 'config.problem.minLength', {
      limit: 10,
    });
  const mailFrom = nonEmpty(env, 'MAIL_FROM') ?? 'kwadrant <onderzoek@kwadrant.invalid>';
  const mailWorker = parseSwitch('MAIL_WORKER', nonEmpty(env, 'MAIL_WORKER'), true);
  return {
    port,
    baseUrl,
    dataDir,
    database: parseDatabaseUrl(nonEmpty(env, 'DATABASE_URL') ?? `sqlite:${dataDir.replace(/\/$/, '')}/kwadrant.sqlite`),
    sessionSecret,
    smtpUrl,
    mailFrom,
    mailWorker,
    homework: homeworkOptions(env),
    actions: actionOptions(env),
    imports: importLimits(env),
    rateLimits: rateLimits(env),
    logLevel,
    logFormat,
    adminEmail,
    adminPassword,
    helpPhone: nonEmpty(env, 'HELP_PHONE') ?? '030 000 00 00',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file)
      throw new ConfigError(
        'DATABASE_URL',
        'names no SQLite file (expected sqlite:./data/kwadrant.sqlite)',
        'config.problem.sqliteFile',
      );
    return { type: 'better-sqlite3', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    parseUrl('DATABASE_URL', url, ['postgres:', 'postgresql:']);
    return { type: 'postgres', url };
  }
  throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://', 'config.problem.databaseScheme');
}

function nonEmpty(env: Record<string, string | undefined>, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new ConfigError(name, 'must be on or off (true/false, 1/0)', 'config.problem.onOff');
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(
      'PORT',
      `must be a whole number from 0 to 65535, not "${raw}"`,
      'config.problem.wholeNumber',
      {
        min: 0,
        max: 65535,
        value: raw,
      },
    );
  return n;
}

function parseUrl(name: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: it may hold a password.
    throw new ConfigError(name, 'is not a valid URL', 'config.problem.url');
  }
  if (!protocols.includes(url.protocol))
    throw new ConfigError(
      name,
      `must use one of these protocols: ${protocols.join(' | ')}`,
      'config.problem.protocol',
      {
        protocols: protocols.join(' | '),
      },
    );
  return raw;
}
