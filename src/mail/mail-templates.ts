import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import Handlebars from 'handlebars';
import type { Locale } from '../common/domain';
import { registerTemplateHelpers, templatesDir } from '../common/view-engine';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string | null;
}

type Compiled = Handlebars.TemplateDelegate;

/**
 * E-mails from templates/emails/<name>.subject.hbs, .text.hbs and (optional) .html.hbs, wrapped in
 * templates/emails/layout.text.hbs and layout.html.hbs: one template per message, its words from the message
 * catalogue in the recipient's language. A separate Handlebars instance with the page helpers (t, date,
 * datetime, …), so e-mails and pages share texts but not state. Text parts are not HTML-escaped.
 */
export class MailTemplates {
  private readonly hb = Handlebars.create();
  private readonly cache = new Map<string, Compiled | null>();

  constructor(private readonly dir = join(templatesDir(), 'emails')) {
    registerTemplateHelpers(this.hb);
  }

  render(name: string, locale: Locale, data: Record<string, unknown> = {}): RenderedEmail {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid e-mail template name "${name}"`);
    const context = { ...data, locale };
    const part = (suffix: string) => this.template(`${name}.${suffix}`);
    const subject = part('subject.hbs');
    const text = part('text.hbs');
    if (!subject || !text) throw new Error(`E-mail template "${name}" has no subject or text part`);
    const html = part('html.hbs');
    const textLayout = this.template('layout.text.hbs');
    const htmlLayout = this.template('layout.html.hbs');
    const textBody = text(context);
    const htmlBody = html ? html(context) : null;
    const renderedSubject = subject(context).replace(/\s+/g, ' ').trim();
    return {
      subject: renderedSubject,
      text:
        (textLayout ? textLayout({ ...context, body: textBody }) : textBody).replace(/\n{3,}/g, '\n\n').trim() + '\n',
      html:
        htmlBody === null
          ? null
          : htmlLayout
            ? htmlLayout({ ...context, subject: renderedSubject, body: htmlBody })
            : htmlBody,
    };
  }

  private template(relativePath: string): Compiled | null {
    if (!this.cache.has(relativePath)) {
      const file = join(this.dir, relativePath);
      const escape = relativePath.endsWith('.html.hbs');
      this.cache.set(
        relativePath,
        existsSync(file) ? this.hb.compile(readFileSync(file, 'utf8'), { noEscape: !escape, strict: false }) : null,
      );
    }
    return this.cache.get(relativePath) ?? null;
  }
}

let shared: MailTemplates | undefined;

/** Renders one e-mail with the shared template set. */
export function renderEmail(name: string, locale: Locale, data: Record<string, unknown> = {}): RenderedEmail {
  return (shared ??= new MailTemplates()).render(name, locale, data);
}
