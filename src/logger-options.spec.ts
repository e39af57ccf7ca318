import { loggerOptions, maskTokens, requestLogLevel } from './logger-options';
import { QuietNestLogger } from './quiet-nest-logger';
import { loadConfig } from './config/config';

describe('request logging', () => {
  it('masks private tokens in logged URLs', () => {
    expect(maskTokens('/h/AbCdEfGhIjKlMnOpQrStUvWxYz012345/print')).toBe('/h/***/print');
    expect(maskTokens('/api/homework/AbCdEfGhIjKlMnOpQrStUvWxYz012345/draft')).toBe('/api/homework/***/draft');
    expect(maskTokens('/api/homework/ABCD-EFGH/draft')).toBe('/api/homework/***/draft');
    expect(maskTokens('/h/ABCD-EFGH/print')).toBe('/h/***/print');
    expect(maskTokens('/h')).toBe('/h');
    expect(maskTokens('/studies/wp2a')).toBe('/studies/wp2a');
  });

  it('redacts cookies, CSRF headers and set-cookie', () => {
    const opts = loggerOptions({ ...loadConfig({}), sessionSecret: 'x'.repeat(32) });
    const redact = (opts.pinoHttp as { redact: string[] }).redact;
    expect(redact).toEqual(
      expect.arrayContaining(['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]']),
    );
  });
});

describe(requestLogLevel.name, () => {
  it('keeps ordinary traffic off a terminal and lets problems through', () => {
    expect(requestLogLevel({}, { statusCode: 200 })).toBe('debug');
    expect(requestLogLevel({}, { statusCode: 303 })).toBe('debug');
    expect(requestLogLevel({}, { statusCode: 404 })).toBe('warn');
    expect(requestLogLevel({}, { statusCode: 500 })).toBe('error');
    expect(requestLogLevel({}, { statusCode: 200 }, new Error('x'))).toBe('error');
  });

  it('is used on a terminal only: JSON logs keep every request at info', () => {
    const config = { ...loadConfig({}), sessionSecret: 'x'.repeat(32) };
    expect(Array.isArray(loggerOptions(config, true).pinoHttp)).toBe(true);
    expect(loggerOptions(config, false).pinoHttp).not.toHaveProperty('customLogLevel');
    expect(Array.isArray(loggerOptions({ ...config, logFormat: 'json' }, true).pinoHttp)).toBe(false);
  });
});

describe(QuietNestLogger.name, () => {
  it("moves Nest's start-up lines to debug and passes the rest on", () => {
    const calls: string[] = [];
    const inner = {
      log: (m: unknown) => calls.push(`log ${String(m)}`),
      debug: (m: unknown) => calls.push(`debug ${String(m)}`),
      warn: () => undefined,
      error: () => undefined,
    };
    const logger = new QuietNestLogger(inner);
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('outbox worker sends through files', 'OutboxWorker');
    expect(calls).toEqual([
      'debug Mapped {/api/health, GET} route',
      'debug AppModule dependencies initialized',
      'log outbox worker sends through files',
    ]);
  });
});
