import { loggerOptions, maskTokens } from './logger-options';
import { loadConfig } from './config/config';

describe('request logging', () => {
  it('masks private tokens in logged URLs', () => {
    expect(maskTokens('/h/AbCdEfGhIjKlMnOpQrStUvWxYz012345/print')).toBe('/h/***/print');
    expect(maskTokens('/api/homework/AbCdEfGhIjKlMnOpQrStUvWxYz012345/draft')).toBe('/api/homework/***/draft');
    expect(maskTokens('/studies/wp2a')).toBe('/studies/wp2a');
  });

  it('redacts cookies, CSRF headers and set-cookie', () => {
    const opts = loggerOptions({ ...loadConfig({}), sessionSecret: 'x'.repeat(32) });
    const redact = (opts.pinoHttp as { redact: string[] }).redact;
    expect(redact).toEqual(expect.arrayContaining(['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]']));
  });
});
