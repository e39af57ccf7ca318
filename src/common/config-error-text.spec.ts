import { ConfigError, loadConfig } from '../config/config';
import { configErrorText } from './config-error-text';
import { environmentLocale } from './environment-locale';

/** The refusal loadConfig throws for `env`. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe(configErrorText.name, () => {
  const bad: Record<string, string>[] = [
    { PORT: 'eighty' },
    { BASE_URL: 'not a url' },
    { BASE_URL: 'ftp://example.org' },
    { SESSION_SECRET: 'short' },
    { LOG_LEVEL: 'loud' },
    { LOG_FORMAT: 'xml' },
    { ADMIN_EMAIL: 'admin' },
    { ADMIN_PASSWORD: 'kort' },
    { DATABASE_URL: 'mysql://x' },
    { DATABASE_URL: 'sqlite:' },
    { MAIL_WORKER: 'maybe' },
    { TRUST_PROXY: '11' },
    { TRUST_PROXY: 'true' },
    { TRUST_PROXY: 'proxy.example.org' },
    { HOMEWORK_REMINDER_DAYS: '-1' },
  ];

  it.each(bad)('says %j in Dutch and in English, every variable filled', (env) => {
    const err = refusal(env);
    const nl = configErrorText(err, 'nl');
    const en = configErrorText(err, 'en');
    expect(nl).toMatch(new RegExp(`^Ongeldige instelling: ${err.variable} `));
    expect(en).toMatch(new RegExp(`^Invalid configuration: ${err.variable} `));
    for (const text of [nl, en]) expect(text).not.toMatch(/\{\w+\}|config\.problem/);
    // The English text is the log message: one wording, whichever way it is read.
    expect(en).toBe(err.message);
  });

  it('words a number out of range with its limits and the value given', () => {
    expect(configErrorText(refusal({ PORT: '70000' }), 'nl')).toBe(
      'Ongeldige instelling: PORT moet een heel getal van 0 tot en met 65535 zijn, niet "70000"',
    );
  });
});

describe(environmentLocale.name, () => {
  it('takes the chosen language, else KWADRANT_LANG, else an English or Dutch shell, else Dutch', () => {
    expect(environmentLocale({})).toBe('nl');
    expect(environmentLocale({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBe('nl');
    expect(environmentLocale({ LANG: 'en_GB.UTF-8', KWADRANT_LANG: 'nl' })).toBe('nl');
    expect(environmentLocale({ KWADRANT_LANG: 'nl' }, 'en')).toBe('en');
  });
});
