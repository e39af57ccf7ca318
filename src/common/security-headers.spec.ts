import type { IncomingMessage, ServerResponse } from 'http';
import { capturedHeaders, securityHeaders } from './security-headers';

/** The headers the middleware sets on a real-looking response, for comparison. */
function headersOnResponse(middleware: ReturnType<typeof securityHeaders>): Record<string, unknown> {
  const set = new Map<string, unknown>();
  const res = {
    setHeader: (n: string, v: unknown) => set.set(n.toLowerCase(), v),
    removeHeader: (n: string) => set.delete(n.toLowerCase()),
    getHeader: (n: string) => set.get(n.toLowerCase()),
  };
  middleware(
    { method: 'PUT', url: '/api/homework/x/draft', headers: { host: 'example.org' } } as unknown as IncomingMessage,
    res as unknown as ServerResponse,
    () => undefined,
  );
  return Object.fromEntries(set);
}

describe('security headers', () => {
  it('captures once exactly what helmet puts on any answer', () => {
    const middleware = securityHeaders('http://localhost:3000');
    const captured = capturedHeaders(middleware);
    expect(captured).toEqual(headersOnResponse(middleware));
    expect(captured).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(String(captured['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(captured['strict-transport-security']).toBeUndefined();
  });

  it('asks browsers for https only when the platform is served over https', () => {
    const captured = capturedHeaders(securityHeaders('https://kwadrant.example.org'));
    expect(captured['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(captured['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
