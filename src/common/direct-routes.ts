import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, Server, ServerResponse } from 'http';
import type { LoggerService } from '@nestjs/common';
import { readJsonRequest } from './body-reader';
import { errorBody } from './error-body';
import { rawRequestLocale } from './request-locale';
import { checkQuery } from './request-body';

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
  logger: LoggerService;
  /** Writes the request log line when the answer is sent, as the request logger does for Express. */
  requestLog(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * Puts a few hot routes in front of the Express application on its own server: Express's middleware chain
 * and Nest's pipeline cost several times what the busiest request (homework autosave) does itself. Everything
 * else, including requests a route does not take, reaches Express unchanged.
 */
export function serveDirectRoutes(server: Server, routes: DirectJsonRoute[], options: DirectRouteOptions): void {
  const fallbacks = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const headers = {
    ...options.headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  };
  // As a flat [name, value, …] list made once: copying a list per answer is cheaper than spreading an object.
  const served = {
    ...options,
    headerList: Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [name, value])),
  };
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

async function serve(
  { route, path, params }: Match,
  req: IncomingMessage,
  res: ServerResponse,
  options: DirectRouteOptions & { headerList: OutgoingHttpHeader[] },
): Promise<void> {
  options.requestLog(req, res);
  let status = 200;
  let body: unknown;
  try {
    checkQuery(req.url ?? '');
    body = await route.handle(params, await readJsonRequest(req), req);
  } catch (err) {
    body = errorBody(err, req.method ?? '', path, rawRequestLocale(req.url, req.headers.cookie));
    status = (body as { statusCode: number }).statusCode;
    if (status >= 500) options.logger.error(err instanceof Error ? err.stack : String(err), 'Errors');
  }
  if (res.destroyed) return;
  const json = JSON.stringify(body);
  const head = [...options.headerList, 'content-length', Buffer.byteLength(json)];
  // A refused body may not have been read to its end: the connection cannot carry another request.
  if (!req.complete) head.push('connection', 'close');
  res.writeHead(status, head);
  res.end(json);
}
