import { chooseCliLocale } from './cli-locale';

describe(chooseCliLocale.name, () => {
  const argv = ['node', 'main.js', 'groups', 'form', '--study', 'wp2a'];

  it('is Dutch unless something chooses English', () => {
    expect(chooseCliLocale(argv, {}).locale).toBe('nl');
    expect(chooseCliLocale(argv, { LANG: 'C.UTF-8' }).locale).toBe('nl');
    expect(chooseCliLocale(argv, { LANG: 'fr_FR.UTF-8' }).locale).toBe('nl');
  });

  it('takes --lang first, then KWADRANT_LANG, then the shell’s language', () => {
    expect(chooseCliLocale(argv, { LANG: 'en_GB.UTF-8' }).locale).toBe('en');
    expect(chooseCliLocale(argv, { LANG: 'en_GB.UTF-8', KWADRANT_LANG: 'nl' }).locale).toBe('nl');
    expect(chooseCliLocale([...argv, '--lang', 'en'], { KWADRANT_LANG: 'nl' }).locale).toBe('en');
    expect(chooseCliLocale([...argv, '--lang=nl'], { LC_ALL: 'en_US.UTF-8' }).locale).toBe('nl');
  });

  it('takes --lang out of the arguments the commands see', () => {
    expect(chooseCliLocale(['node', 'main.js', '--lang', 'en', 'migrate'], {}).argv).toEqual([
      'node',
      'main.js',
      'migrate',
    ]);
  });
});
