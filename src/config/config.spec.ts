import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.database).toEqual({ type: 'better-sqlite3', file: './data/kwadrant.sqlite' });
    expect(c.dataDir).toBe('./data');
    expect(c.logLevel).toBe('info');
    expect(c.sessionSecret).toBeUndefined();
  });

  it('puts the default SQLite file in DATA_DIR', () => {
    expect(loadConfig({ DATA_DIR: '/srv/kw/' }).database).toEqual({
      type: 'better-sqlite3',
      file: '/srv/kw/kwadrant.sqlite',
    });
  });

  it('accepts PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kw' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@db:5432/kw',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BASE_URL: 'not a url' }, 'BASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MAIL_WORKER: 'maybe' }, 'MAIL_WORKER'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ HOMEWORK_REMINDER_DAYS: 'soon' }, 'HOMEWORK_REMINDER_DAYS'],
    [{ SCREENER_SUBMIT_LIMIT: '0' }, 'SCREENER_SUBMIT_LIMIT'],
    [{ SCREENER_PAGE_LIMIT: '1e3' }, 'SCREENER_PAGE_LIMIT'],
    [{ SCREENER_LIMIT_WINDOW_MINUTES: '-5' }, 'SCREENER_LIMIT_WINDOW_MINUTES'],
  ])('names the bad variable in %p', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it.each([
    ['DATABASE_URL', 'postgres://user:hunter2@[bad'],
    ['SMTP_URL', 'smtp://user:hunter2@[bad'],
  ])('refuses a bad %s without echoing the secret in it', (name, url) => {
    // The whole message is fixed, so no part of the value (password included) can be in it.
    expect(() => loadConfig({ [name]: url })).toThrow(
      new ConfigError(name, 'is not a valid URL', 'config.problem.url'),
    );
    expect(() => loadConfig({ [name]: url })).toThrow(/^Invalid configuration: [A-Z_]+ is not a valid URL$/);
  });

  it('limits screener traffic per address by default, and takes other limits', () => {
    expect(loadConfig({}).rateLimits).toEqual({ screenerSubmissions: 20, screenerPages: 300, windowMinutes: 60 });
    expect(
      loadConfig({ SCREENER_SUBMIT_LIMIT: '5', SCREENER_PAGE_LIMIT: '50', SCREENER_LIMIT_WINDOW_MINUTES: '10' })
        .rateLimits,
    ).toEqual({
      screenerSubmissions: 5,
      screenerPages: 50,
      windowMinutes: 10,
    });
  });

  it('runs the outbox worker unless MAIL_WORKER turns it off', () => {
    expect(loadConfig({}).mailWorker).toBe(true);
    expect(loadConfig({ MAIL_WORKER: 'off' }).mailWorker).toBe(false);
    expect(loadConfig({ MAIL_WORKER: '0' }).mailWorker).toBe(false);
  });
});
