import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import hbs from 'hbs';
import type { Locale } from './domain';
import { formatDate, formatDateTime } from './format';
import { Translations, type Translator } from './i18n';
import { textOf } from './text-of';

/** Finds templates/ both from src/ (tests) and dist/src/ (built app). */
export function templatesDir(): string {
  for (const candidate of [join(__dirname, '..', '..', 'templates'), join(__dirname, '..', '..', '..', 'templates')]) {
    try {
      if (statSync(join(candidate, 'locales')).isDirectory()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  throw new Error('templates/ folder not found');
}

let translations: Translations | undefined;
export function getTranslations(): Translations {
  return (translations ??= new Translations(templatesDir()));
}

/** The translator TypeScript code writes texts with: one reader's language, every text from the catalogue. */
export function translator(locale: Locale): Translator {
  return getTranslations().translator(locale);
}

/** A translator for each language, for texts that carry both (the SurveyJS forms). */
export function translators(): Record<Locale, Translator> {
  return { nl: translator('nl'), en: translator('en') };
}

type RefusedFormView = { name: string; values: Record<string, unknown>; problems: Record<string, string[]> };
type HelperOptions = { data?: { root?: { locale?: Locale; form?: RefusedFormView } }; hash?: Record<string, unknown> };
const localeOf = (options: HelperOptions): Locale => options?.data?.root?.locale ?? 'nl';

/** Registers partials and helpers on a Handlebars instance; used by the web pages and by letters/e-mails. */
export function registerTemplateHelpers(hb: typeof hbs.handlebars): void {
  const dir = templatesDir();
  const i18n = getTranslations();
  // Partials are read synchronously so the first request never races their registration.
  const partialsDir = join(dir, 'partials');
  for (const file of walk(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(
      relative(partialsDir, file)
        .replace(/\\/g, '/')
        .replace(/\.hbs$/, ''),
      readFileSync(file, 'utf8'),
    );
  }
  hb.registerHelper('t', (key: string, options: HelperOptions) =>
    i18n.t(localeOf(options), String(key ?? ''), options?.hash),
  );
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('json', (v: unknown) => new hb.SafeString(JSON.stringify(v ?? null).replace(/</g, '\\u003c')));
  hb.registerHelper('date', (d: Date | string, options: HelperOptions) =>
    d ? formatDate(new Date(d), localeOf(options)) : '',
  );
  hb.registerHelper('datetime', (d: Date | string, options: HelperOptions) =>
    d ? formatDateTime(new Date(d), localeOf(options)) : '',
  );
  // Codes shown as words: an unknown code is shown as it is rather than as a missing-text key.
  const word = (prefix: string) => (code: unknown, options: HelperOptions) => {
    const key = `${prefix}.${textOf(code)}`;
    return i18n.has(key) ? i18n.t(localeOf(options), key) : textOf(code);
  };
  hb.registerHelper('quadrantLabel', word('quadrant'));
  hb.registerHelper('educationLabel', word('education'));
  hb.registerHelper('comfortLabel', word('digitalComfort'));
  hb.registerHelper('genderLabel', word('gender'));
  hb.registerHelper('mailKind', word('mail.kind'));
  registerFormHelpers(hb);
  hb.registerHelper('otherLocale', (options: HelperOptions) => (localeOf(options) === 'nl' ? 'en' : 'nl'));
}

/**
 * A refused form shown again (form-refusal.ts): the page's `form` names the form it is about, so on a page with
 * several forms only that one shows what was typed and its problems; the others show what is stored.
 */
function registerFormHelpers(hb: typeof hbs.handlebars): void {
  const refusedAs = (name: unknown, options: HelperOptions) => {
    const form = options?.data?.root?.form;
    return form && form.name === String(name) ? form : undefined;
  };
  hb.registerHelper('refused', (name: unknown, options: HelperOptions) => Boolean(refusedAs(name, options)));
  // {{formValue "new-study" "title" study.title}}: what was typed, else the stored value.
  hb.registerHelper('formValue', (name: unknown, field: string, stored: unknown, options: HelperOptions) => {
    const form = refusedAs(name, options);
    if (!form) return stored ?? '';
    const typed = form.values[field];
    return typeof typed === 'string' || typeof typed === 'number' ? typed : '';
  });
  // {{#if (formChosen "moderator" "slotIds" id checked)}} checked{{/if}}: a box or option as it was sent.
  hb.registerHelper(
    'formChosen',
    (name: unknown, field: string, value: unknown, stored: unknown, options: HelperOptions) => {
      const form = refusedAs(name, options);
      if (!form) return Boolean(stored);
      const typed = form.values[field];
      return (Array.isArray(typed) ? typed : [typed]).some((v) => v !== undefined && String(v) === String(value));
    },
  );
  // {{fieldProblem "new-study" "title" "new-title"}}: the field's problems below it (id "<input id>-error").
  hb.registerHelper('fieldProblem', (name: unknown, field: string, id: string, options: HelperOptions) => {
    const problems = refusedAs(name, options)?.problems[field];
    if (!problems?.length) return '';
    const text = problems.map((p) => hb.escapeExpression(p)).join(' ');
    return new hb.SafeString(`<p class="field-error" id="${hb.escapeExpression(id)}-error">${text}</p>`);
  });
  // {{fieldAria "new-study" "slug" "new-slug" "new-slug-hint"}}: marks a refused field and ties its problem to it.
  hb.registerHelper('fieldAria', (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    const [name, field, id, hint] = args as [unknown, string, string, string | undefined];
    const invalid = Boolean(refusedAs(name, options)?.problems[field]?.length);
    const described = [typeof hint === 'string' ? hint : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attributes = `${invalid ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${hb.escapeExpression(described)}"` : ''}`;
    return new hb.SafeString(attributes);
  });
}

/** The one view-engine setup, shared by main.ts and the tests. */
export function configureViews(app: NestExpressApplication): void {
  const dir = templatesDir();
  app.setBaseViewsDir(dir);
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  registerTemplateHelpers(hbs.handlebars);
}

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    out = entry.isDirectory() ? out.concat(walk(full)) : out.concat(full);
  }
  return out;
}
