import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import Handlebars from 'handlebars';
import { registerTemplateHelpers, templatesDir } from './view-engine';
import { readCatalogue, Translations, UnknownTextKeyError } from './i18n';

const root = join(templatesDir(), '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return files(full, keep);
    return keep(e.name) ? [full] : [];
  });
}

/** Everything that can ask for a text: application code (not its tests), templates and the browser scripts. */
function sources(): string {
  const code = files(join(root, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'));
  const views = files(join(root, 'templates'), (n) => n.endsWith('.hbs'));
  const scripts = files(join(root, 'public', 'js'), (n) => n.endsWith('.js'));
  return [...code, ...views, ...scripts].map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The key a plural form belongs to: `groups.count_one` is asked for as `groups.count`. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/**
 * Whether code can ask for `key`: its name appears quoted, or a quoted prefix of it is completed at run time
 * (`t(\`groups.status.${status}\`)`, `(concat "mail.status." status)`, `word('gender')`).
 */
function usedKeys(keys: string[], text: string): { unused: string[] } {
  const quoted = new Set([...text.matchAll(/[`'"]([A-Za-z][\w.-]*)[`'"]/g)].map((m) => m[1]));
  const prefixes = [
    ...[...text.matchAll(/[`'"]([A-Za-z][\w.-]*\.)(?:\$\{|[`'"])/g)].map((m) => m[1]),
    ...[...text.matchAll(/\bword\('([\w.-]+)'\)/g)].map((m) => `${m[1]}.`),
  ];
  const unused = keys.filter((key) => {
    const base = baseKey(key);
    return !quoted.has(base) && !prefixes.some((p) => base.startsWith(p));
  });
  return { unused };
}

describe('the message catalogue', () => {
  const nl = readCatalogue(templatesDir(), 'nl');
  const en = readCatalogue(templatesDir(), 'en');

  it('has every key in Dutch and in English', () => {
    expect(Object.keys(en).filter((k) => !(k in nl))).toEqual([]);
    expect(Object.keys(nl).filter((k) => !(k in en))).toEqual([]);
  });

  it('has no empty text and no key whose text is the key itself', () => {
    for (const catalogue of [nl, en]) {
      expect(
        Object.entries(catalogue)
          .filter(([k, v]) => typeof v !== 'string' || !v.trim() || v === k)
          .map(([k]) => k),
      ).toEqual([]);
    }
  });

  it('counts with plural forms, not with "deelnemer(s)", "moderator(en)" or "probleem/problemen"', () => {
    const hedged = /\w\((?:s|en|n|e)\)|\b(\w+)\/\1\w+/;
    for (const catalogue of [nl, en]) {
      expect(Object.entries(catalogue).filter(([, text]) => hedged.test(text))).toEqual([]);
    }
  });

  it('writes the helpline’s hours one way per language: 9.00–17.00 in Dutch, 9:00–17:00 in English', () => {
    const clock = (text: string) => [...text.matchAll(/\b(?:9|17)([.:])00\b/g)].map((m) => m[1]);
    expect(Object.entries(nl).filter(([, text]) => clock(text).some((sep) => sep !== '.'))).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => clock(text).some((sep) => sep !== ':'))).toEqual([]);
  });

  it('names the same variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = Object.keys(nl).filter((k) => k in en && vars(nl[k]).join() !== vars(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('has no key that no code, template or script asks for', () => {
    expect(usedKeys(Object.keys(nl), sources()).unused).toEqual([]);
  });

  it('is the only place texts are written: no Dutch or English text keyed by language, no language switch in TypeScript', () => {
    // A quoted text with a word in it; an empty text or one made only of variables is no sentence.
    const literal = `(['"\`])(?!\\$\\{)(?:(?!\\1).)*[A-Za-z](?:(?!\\1).)*\\1`;
    const written = [
      new RegExp(`localised\\(\\s*${literal}`, 'g'), // localised('Welkom', 'Welcome')
      new RegExp(`\\b(?:nl|en):\\s*${literal}`, 'g'), // { nl: 'Gemakzoeker', en: 'Convenience seeker' }
      /\b(?:locale|lang|language)\s*===?\s*'(?:nl|en)'\s*\?\s*['"`]/g, // locale === 'nl' ? 'ja' : 'yes'
    ];
    // Language tags are no text: LOCALE_TAG pairs each language with the tag Intl formats it with.
    const tag = /^(?:nl|en):\s*'[a-z]{2}-[A-Z]{2}'$/;
    const code = files(join(root, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'));
    const offenders = code.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return written
        .flatMap((w) => [...text.matchAll(w)].map((m) => m[0]))
        .filter((found) => !tag.test(found))
        .map((found) => `${file.slice(root.length + 1)}: ${found}`);
    });
    expect(offenders).toEqual([]);
  });

  it('words the command line’s help from the catalogue: no description or option help written in TypeScript', () => {
    const code = files(join(root, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'));
    const offenders = code.flatMap((file) =>
      helpWrittenIn(readFileSync(file, 'utf8')).map((found) => `${file.slice(root.length + 1)}: ${found}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds help written in TypeScript in every form commander takes it', () => {
    const written = [
      ".description('form balanced groups')",
      '.summary("groups")',
      ".option('--dry-run', 'show the result without saving it')",
      ".requiredOption('--study <slug>', 'the study')",
      ".argument('<file>', `the file to import`)",
      ".option('--quadrant <q>', `only this quadrant: ${QUADRANTS.join(' | ')}`)",
      ".helpOption('-h, --help', 'display help')",
      ".helpCommand('help [command]', 'display help for command')",
      "new Option('--format <f>', 'json or table')",
    ];
    expect(written.filter((source) => helpWrittenIn(source).length !== 1)).toEqual([]);
    const fromCatalogue = [
      ".description(say('cli.help.groups.form'))",
      ".option('--format <format>', say('cli.help.option.format', { formats: 'json | table' }), 'table')",
      ".option('--delimiter <delimiter>', say('cli.help.option.delimiter'), ';')",
      ".command('retry').argument('<id>', say('cli.help.outbox.retry.id'))",
    ];
    expect(fromCatalogue.flatMap(helpWrittenIn)).toEqual([]);
  });
});

/** Commander calls whose help text (a quoted text with a word in it) is written in the code instead of asked for. */
function helpWrittenIn(source: string): string[] {
  const text = (q: number) => `(['"\`])(?!\\$\\{)(?:(?!\\${q}).)*[A-Za-z](?:(?!\\${q}).)*\\${q}`;
  const name = `(['"\`])(?:(?!\\1).)*\\1`;
  const written = [
    new RegExp(`\\.(?:description|summary)\\(\\s*${text(1)}`, 'g'), // .description('…')
    // .option('--x <v>', '…'), .argument('<file>', '…'), new Option('--x', '…'): the text is the second argument
    new RegExp(
      `(?:\\.(?:option|requiredOption|argument|helpOption|helpCommand|addHelpCommand)|new (?:Option|Argument))\\(\\s*${name},\\s*${text(2)}`,
      'g',
    ),
  ];
  return written.flatMap((w) => [...source.matchAll(w)].map((m) => m[0]));
}

describe(Translations.name, () => {
  const i18n = new Translations(templatesDir());

  it('translates and fills variables', () => {
    expect(i18n.t('nl', 'nav.logout')).toBe('Uitloggen');
    expect(i18n.t('en', 'nav.logout')).toBe('Log out');
    expect(i18n.t('nl', 'paging.position', { from: 1, to: 50, total: 230 })).toContain('230');
  });

  it('throws on a key neither language has (tests), so a typo or a literal text never reaches a page', () => {
    expect(() => i18n.t('en', 'Some study title')).toThrow(UnknownTextKeyError);
    expect(() => i18n.translator('nl')('nav.nonexistent')).toThrow('nav.nonexistent');
  });

  it('logs an unknown key once and shows it, outside tests', () => {
    const seen: string[] = [];
    const lenient = new Translations(templatesDir(), (key) => seen.push(key));
    expect(lenient.t('nl', 'no.such.key')).toBe('no.such.key');
    expect(lenient.t('en', 'no.such.key')).toBe('no.such.key');
    expect(seen).toEqual(['no.such.key']);
  });

  it('leaves a variable the caller did not give visible', () => {
    expect(i18n.t('nl', 'paging.position', { from: 1, to: 50 })).toContain('{total}');
  });

  it('says a count of one in the singular and more in the plural, in both languages', () => {
    const say = (locale: 'nl' | 'en', key: string, vars: Record<string, unknown>) => i18n.t(locale, key, vars);
    expect(say('nl', 'confirm.cancel.moderators', { count: 1 })).toBe('1 moderator krijgt een afzegging per e-mail.');
    expect(say('nl', 'confirm.cancel.moderators', { count: 2 })).toBe(
      '2 moderatoren krijgen een afzegging per e-mail.',
    );
    expect(say('en', 'confirm.cancel.moderators', { count: 1 })).toBe('1 moderator gets a cancellation by e-mail.');
    expect(say('en', 'confirm.cancel.moderators', { count: 2 })).toBe('2 moderators get a cancellation by e-mail.');
    expect(say('nl', 'cli.import.leftOut', { count: 1, problems: 3 })).toBe('; 1 regel weggelaten (problemen: 3)');
    expect(say('en', 'cli.import.leftOut', { count: 4, problems: 5 })).toBe('; 4 rows left out (problems: 5)');
    expect(say('nl', 'error.codebook.code_in_use', { codes: 'K1', count: 1 })).toMatch(
      /^Het codeboek is niet gewijzigd: K1 zou verdwijnen, en 1 codering gebruikt die code\. Haal die codering /,
    );
    expect(say('en', 'error.codebook.code_in_use', { codes: 'K1, K2', count: 3 })).toMatch(
      /^The codebook was not changed: K1, K2 would be removed, and 3 codings use it\. Remove those codings /,
    );
    // None yet is said as such, not as "0 moderators".
    expect(say('nl', 'empty.schedule.moderators', { count: 0 })).toMatch(/^Dit onderzoek heeft nog geen moderatoren;/);
    expect(say('nl', 'empty.schedule.moderators', { count: 1 })).toMatch(/^Dit onderzoek heeft 1 moderator;/);
    expect(say('en', 'empty.schedule.moderators', { count: 1 })).toMatch(/^This study has 1 moderator;/);
    expect(say('nl', 'schedule.capacity', { count: 1 })).toBe('max. 1 groep');
    expect(say('nl', 'schedule.capacity', { count: 3 })).toBe('max. 3 groepen');
    expect(say('en', 'codebook.page.version', { version: 2, count: 1 })).toBe('Version 2, 1 code to apply.');
    expect(say('nl', 'cli.demo.respondents', { count: 1 })).toBe(
      '1 verzonnen demo-respondent toegevoegd (bron "demo").',
    );
    expect(say('nl', 'groups.assumedAvailable', { count: 1 })).toMatch(/^1 respondent heeft geen beschikbaarheid /);
    expect(say('en', 'cli.groups.assumedAvailable', { count: 2 })).toMatch(/^2 respondents have no availability /);
  });
});

describe('the t helper in templates', () => {
  const hb = Handlebars.create();
  registerTemplateHelpers(hb);

  it('says a key in the page’s language with its variables', () => {
    const render = hb.compile('{{t "paging.position" from=1 to=50 total=230}}');
    expect(render({ locale: 'nl' })).toBe('1–50 van 230');
    expect(render({ locale: 'en' })).toBe('1–50 of 230');
  });

  it('fails the render on an unknown key', () => {
    expect(() => hb.compile('{{t title}}')({ locale: 'nl', title: 'Publieke dienstverlening' })).toThrow(
      UnknownTextKeyError,
    );
  });
});
