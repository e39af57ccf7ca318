import { mkdirSync, renameSync, writeFileSync } from 'fs';
import { join } from 'path';
import nodemailer, { SendMailOptions, Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config';
import type { OutboxAttachment } from './outbox-message.entity';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** RFC 5322 Message-ID with angle brackets, fixed at enqueue */
  messageId: string;
  attachments?: OutboxAttachment[] | null;
}

export interface MailTransport {
  /** For logs and the outbox page; never includes credentials. */
  readonly description: string;
  /** Resolves once the message is handed over (accepted by the SMTP server, or written to disk); throws otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** SMTP when SMTP_URL is set, else .eml files in DATA_DIR/outbox (development, or an offline installation). */
export function createMailTransport(config: Pick<AppConfig, 'smtpUrl' | 'dataDir'>): MailTransport {
  return config.smtpUrl
    ? new SmtpMailTransport(config.smtpUrl)
    : new EmlFileMailTransport(join(config.dataDir, 'outbox'));
}

function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content, 'base64'),
    })),
  };
}

export class SmtpMailTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(url: string) {
    const parsed = new URL(url);
    this.description = `SMTP ${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`;
    // Timeouts well inside the outbox lease (LEASE_MS), so a live worker always records before its claim runs out.
    this.transporter = nodemailer.createTransport({
      url,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(toNodemailer(mail));
  }

  close(): void {
    this.transporter.close();
  }
}

/** Writes each message as <Message-ID hash>.eml; sending one again overwrites the same file, never a second copy. */
export class EmlFileMailTransport implements MailTransport {
  readonly description: string;
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly dir: string) {
    this.description = 'files (.eml) in the data folder';
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.composer.sendMail(toNodemailer(mail));
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, emlFileName(mail.messageId));
    // Write then rename: a crash never leaves half a message that looks complete.
    writeFileSync(`${file}.tmp`, info.message as Buffer);
    renameSync(`${file}.tmp`, file);
  }

  close(): void {
    this.composer.close();
  }
}

export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
}
