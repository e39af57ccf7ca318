import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { ResolvedConfig } from './config/config.module';

/** Request logs without cookies, tokens or passwords; private links (/h/<token>) are masked too. */
export function loggerOptions(config: ResolvedConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: maskTokens(req.url) }),
      },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') },
    },
    // Autosave fires every few seconds per respondent: a log line each would drown the rest. Its failures still
    // reach the log through the error filter.
    exclude: [{ method: RequestMethod.PUT, path: 'api/homework/:key/draft' }],
  };
}

export function maskTokens(url: string): string {
  return url.replace(/\/(h|c|api\/homework|ical)\/[A-Za-z0-9_-]{16,}/g, '/$1/***');
}
