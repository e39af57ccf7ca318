import type { IncomingMessage, ServerResponse } from 'http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

// Every 5xx answer and every error the application logs while a test runs; server-problems.setup.ts fails the
// test that caused them. A client can never be the reason for either, so no test may pass with one.
const problems: string[] = [];

export function takeServerProblems(): string[] {
  return problems.splice(0);
}

/** Records the app's 5xx answers (whichever way a request is served) and its logged errors. */
export function watchServerProblems(app: NestExpressApplication): void {
  const logger = app.get(Logger);
  const logError = logger.error.bind(logger);
  logger.error = (message: unknown, ...rest: unknown[]) => {
    problems.push(
      `logged error: ${message instanceof Error ? message.stack : String(message)} ${rest.map(String).join(' ')}`.trim(),
    );
    logError(message, ...rest);
  };
  app.getHttpServer().prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('finish', () => {
      if (res.statusCode >= 500) problems.push(`answered ${res.statusCode} to ${req.method} ${req.url}`);
    });
  });
}
