import type { NextFunction, Request, Response } from 'express';
import { hasBody, readFormRequest, readJsonRequest } from './body-reader';
import { bodyKind, checkQuery, notJson } from './request-body';

export interface BodyParsingOptions {
  /** API requests whose body is not JSON but something the route reads itself (an uploaded file). */
  takesOwnBody(req: Request): boolean;
}

/**
 * Reads every body the Express pipeline serves by the rules of request-body.ts, the same ones the direct routes
 * use: JSON anywhere, forms for the pages; under /api a body of any other type is refused unless the route reads
 * it itself. Refusals go to the error filter like any other failure.
 */
export function bodyParsing(options: BodyParsingOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, options).then(
      (body) => {
        if (body !== undefined) req.body = body;
        next();
      },
      (err: unknown) => {
        // A refused body may not have been read to its end: the connection cannot carry another request.
        if (!req.complete) res.setHeader('connection', 'close');
        next(err);
      },
    );
  };
}

async function parse(req: Request, options: BodyParsingOptions): Promise<unknown> {
  checkQuery(req.url);
  const kind = bodyKind(req.headers['content-type']);
  if (req.path.startsWith('/api/')) {
    if (!hasBody(req) || kind === 'json') return readJsonRequest(req);
    if (options.takesOwnBody(req)) return undefined;
    throw notJson();
  }
  if (!hasBody(req)) return undefined;
  if (kind === 'json') return readJsonRequest(req);
  if (kind === 'form') return readFormRequest(req);
  return undefined;
}
