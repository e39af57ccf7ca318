import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'http';
import type { LoggerService } from '@nestjs/common';
import { AppError } from './app-error';
import { errorBody } from './error-body';

/** A JSON route answered by node:http itself, before Express and Nest see the request. */
export interface DirectJsonRoute {
  method: string;
  /** Matched against the path without its query string; the capture groups are the route's parameters. */
  path: RegExp;
  /** Whether this request is served here; if not, it goes through Express like any other. */
  takes?(params: string[]): boolean;
  /** The answer's body (status 200); failures are thrown as usual and become the usual error JSON. */
  handle(params: string[], body: unknown, req: IncomingMessage): Promise<unknown>;
}

export interface DirectRouteOptions {
  /** Headers every answer carries (the security headers the middleware would have set). */
  headers: OutgoingHttpHeaders;
  /** Largest request body in bytes, as for the JSON body parser. */
  bodyLimit: number;
  logger: LoggerService;
}

/**
 * Puts a few hot routes in front of the Express application on its own server: Express's middleware chain
 * and Nest's pipeline cost several times what the busiest request (homework autosave) does itself. Everything
 * else, including requests a route does not take, reaches Express unchanged.
 */
export function serveDirectRoutes(server: Server, routes: DirectJsonRoute[], options: DirectRouteOptions): void {
  const fallbacks = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const served = { ...options, headers: { ...options.headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const found = match(routes, req);
    if (found) return void serve(found, req, res, served);
    for (const listener of fallbacks) listener.call(server, req, res);
  });
}

interface Match {
  route: DirectJsonRoute;
  path: string;
  params: string[];
}

function match(routes: DirectJsonRoute[], req: IncomingMessage): Match | null {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  for (const route of routes) {
    if (req.method !== route.method) continue;
    const m = route.path.exec(path);
    if (!m) continue;
    const params = m.slice(1);
    if (!route.takes || route.takes(params)) return { route, path, params };
  }
  return null;
}

async function serve({ route, path, params }: Match, req: IncomingMessage, res: ServerResponse, options: DirectRouteOptions): Promise<void> {
  let status = 200;
  let body: unknown;
  try {
    body = await route.handle(params, await readJson(req, options.bodyLimit), req);
  } catch (err) {
    body = errorBody(err, req.method ?? '', path);
    status = (body as { statusCode: number }).statusCode;
    if (status >= 500) options.logger.error(err instanceof Error ? err.stack : String(err), 'Errors');
  }
  if (res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...options.headers,
    'content-length': Buffer.byteLength(json),
    // A refused body may not have been read to its end: the connection cannot carry another request.
    ...(req.complete ? {} : { connection: 'close' }),
  });
  res.end(json);
}

function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new AppError('invalid', 'request.not_json', 'The request body must be JSON (Content-Type: application/json).'));
  }
  const tooLarge = () => new AppError('payload_too_large', 'request.too_large', 'The request body is too large.');
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new AppError('invalid', 'request.invalid_json', 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}
