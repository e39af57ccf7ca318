import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import helmet from 'helmet';
import { textOf } from './text-of';

/** helmet with the content security policy of our pages (SurveyJS needs inline styles, nothing else does). */
export function securityHeaders(
  baseUrl: string,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  const https = baseUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        // SurveyJS sets inline styles on the elements it renders.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
}

/**
 * The headers a middleware puts on every answer, captured once: for routes answered ahead of Express, which
 * must carry the same ones. Only for middleware whose headers do not depend on the request (helmet's do not).
 */
export function capturedHeaders(middleware: ReturnType<typeof securityHeaders>): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const res = {
    setHeader: (name: string, value: string | string[]) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let error: unknown;
  middleware(
    { method: 'GET', url: '/', headers: {} } as IncomingMessage,
    res as unknown as ServerResponse,
    (err) => (error = err),
  );
  if (error) throw error instanceof Error ? error : new Error(textOf(error));
  return headers;
}

/**
 * Every answer behind this point is made for one person (a login, a private link, a CSRF token in the page):
 * no browser or proxy cache may keep it. Static assets are served before it and stay cacheable.
 */
export function noStore(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
