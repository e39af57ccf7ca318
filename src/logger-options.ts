import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pinoPretty from 'pino-pretty';
import type { Options } from 'pino-http';
import type { ResolvedConfig } from './config/config.module';

/**
 * Request logs without cookies, tokens or passwords; private links (/h/<token>) are masked too.
 * On a terminal (LOG_FORMAT=pretty, or auto with stdout a TTY) a person is watching: short readable lines, written synchronously so they keep their
 * order with the start-up message, and successful requests only at debug level so the one-time password printed at
 * start does not scroll away. Otherwise (CI, production) one JSON object per line, every request at info.
 */
export function loggerOptions(config: ResolvedConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  const terminal = config.logFormat === 'pretty' || (config.logFormat === 'auto' && stdoutIsTerminal);
  const options: Options = {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: maskTokens(req.url) }),
    },
    // Browsers ask for /favicon.ico on every page; there is none, and its 404 says nothing.
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') || req.url === '/favicon.ico' },
    ...(terminal ? { customLogLevel: requestLogLevel } : {}),
  };
  return {
    pinoHttp: terminal ? [options, terminalStream()] : options,
    // Autosave fires every few seconds per respondent: a log line each would drown the rest. Its failures still
    // reach the log through the error filter.
    exclude: [{ method: RequestMethod.PUT, path: 'api/homework/:key/draft' }],
  };
}

/** On a terminal: problems stand out, ordinary traffic only shows with LOG_LEVEL=debug. */
export function requestLogLevel(_req: unknown, res: { statusCode: number }, err?: Error): 'debug' | 'warn' | 'error' {
  if (err || res.statusCode >= 500) return 'error';
  if (res.statusCode >= 400) return 'warn';
  return 'debug';
}

function terminalStream() {
  return pinoPretty({
    sync: true,
    colorize: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,responseTime,context',
    messageFormat: (log, messageKey) => {
      const req = log.req as { method?: string; url?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      const where = log.context ? `[${String(log.context)}] ` : '';
      if (req?.method && res?.statusCode) return `${req.method} ${req.url} ${res.statusCode} ${String(log.responseTime ?? '?')} ms`;
      return `${where}${String(log[messageKey] ?? '')}`;
    },
  });
}

export function maskTokens(url: string): string {
  return url.replace(/\/(h|c|api\/homework|ical)\/[A-Za-z0-9_-]{16,}/g, '/$1/***');
}
