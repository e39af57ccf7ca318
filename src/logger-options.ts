import type { IncomingMessage, ServerResponse } from 'http';
import { PinoLogger, type Params } from 'nestjs-pino';
import pinoPretty from 'pino-pretty';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import type { ResolvedConfig } from './config/config.module';
import { textOf } from './common/text-of';

/**
 * Request logs without cookies, tokens or passwords; private links (/h/<token>) are masked too.
 * On a terminal (LOG_FORMAT=pretty, or auto with stdout a TTY) a person is watching: short readable lines, written synchronously so they keep their
 * order with the start-up message, and successful requests only at debug level so the one-time password printed at
 * start does not scroll away. Otherwise (CI, production) one JSON object per line, every request at info.
 */
export function loggerOptions(config: ResolvedConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  const terminal = isTerminal(config, stdoutIsTerminal);
  const options = requestLogOptions(config, stdoutIsTerminal);
  // Every request is logged, autosave included (routes served ahead of Express log through directRequestLog).
  return { pinoHttp: terminal ? [options, terminalStream()] : options };
}

function isTerminal(config: ResolvedConfig, stdoutIsTerminal: boolean): boolean {
  return config.logFormat === 'pretty' || (config.logFormat === 'auto' && stdoutIsTerminal);
}

/** pino-http's options for the request log (a fresh object: pino-http changes the one it gets). */
function requestLogOptions(config: ResolvedConfig, stdoutIsTerminal: boolean): Options {
  return {
    level: config.logLevel,
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({
        id: req.id,
        method: req.method,
        url: maskTokens(req.url),
      }),
    },
    // Browsers ask for /favicon.ico on every page; there is none, and its 404 says nothing.
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') || req.url === '/favicon.ico' },
    ...(isTerminal(config, stdoutIsTerminal) ? { customLogLevel: requestLogLevel } : {}),
  };
}

/**
 * The request log for routes answered ahead of Express (src/common/direct-routes.ts): the same pino-http options
 * on a child of the application's logger, so those requests get the same lines, in the same place. Made at the
 * first request, when the logger module has set its root logger up.
 */
export function directRequestLog(
  config: ResolvedConfig,
  stdoutIsTerminal = Boolean(process.stdout.isTTY),
): (req: IncomingMessage, res: ServerResponse) => void {
  let log: HttpLogger | undefined;
  return (req, res) => {
    log ??= pinoHttp({ ...requestLogOptions(config, stdoutIsTerminal), logger: PinoLogger.root });
    log(req, res);
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
      const where = log.context ? `[${textOf(log.context)}] ` : '';
      if (req?.method && res?.statusCode)
        return `${req.method} ${req.url} ${res.statusCode} ${textOf(log.responseTime ?? '?')} ms`;
      return `${where}${textOf(log[messageKey])}`;
    },
  });
}

export function maskTokens(url: string): string {
  // A typed code (ABCD-EFGH) opens the homework as the link does, so it is masked as well.
  return url.replace(/\/(h|c|api\/homework|ical)\/[A-Za-z0-9_-]+/g, '/$1/***');
}
