import { Inject, Injectable } from '@nestjs/common';
import { Propagation, Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { endOfDutchDay, startOfDutchDay } from '../common/dutch-time';
import type { Page } from '../common/paging';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { renderEmail } from './mail-templates';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { OutboxAttachment, OutboxMessage } from './outbox-message.entity';
import { isMailAddress, messageIdFor, OutboxStatus, senderDomain } from './outbox-policy';
import { MailHistoryLine, OutboxFilter, OutboxListRow, OutboxRepository } from './outbox.repository';

export type { MailHistoryLine };

export interface NewMail {
  /** What this message is for; the same key twice gives one message, e.g. "invite:group:12:respondent:34:seq:1". */
  idempotencyKey: string;
  studyId?: number | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: OutboxAttachment[];
}

export interface NewTemplatedMail extends Omit<NewMail, 'subject' | 'text' | 'html'> {
  /** templates/emails/<template>.*.hbs, in the recipient's language */
  template: string;
  locale: Locale;
  data?: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  /**
   * Writes a message to the outbox inside the caller's transaction, so it is sent if and only if the change
   * that causes it commits; called outside a transaction it refuses (Mandatory). Enqueueing an existing
   * idempotency key returns the existing message unchanged.
   */
  @Transactional(Propagation.Mandatory)
  async enqueue(mail: NewMail): Promise<OutboxMessage> {
    const to = mail.to.trim();
    if (!isMailAddress(to))
      throw AppError.invalid(
        'outbox.invalid_address',
        `"${to}" is not one e-mail address. Correct the address and try again.`,
        { to },
      );
    if (!mail.idempotencyKey.trim() || mail.idempotencyKey.length > 200)
      throw AppError.invalid(
        'outbox.invalid_key',
        'An outbox message needs an idempotency key of 1 to 200 characters.',
      );
    return this.outbox.insertOnce(
      {
        idempotencyKey: mail.idempotencyKey,
        studyId: mail.studyId ?? null,
        kind: mail.kind,
        toAddress: to,
        subject: mail.subject.slice(0, 300),
        textBody: mail.text,
        htmlBody: mail.html ?? null,
        attachments: mail.attachments?.length ? mail.attachments : null,
        messageId: messageIdFor(mail.idempotencyKey, senderDomain(this.config.mailFrom)),
      },
      new Date(),
    );
  }

  /**
   * For closing a study (study-flow): its mail still waiting is cancelled by the worker's next pass instead of sent,
   * and none of it is claimed meanwhile. Only meaningful inside the closing's unit of work: refuses to run outside one.
   */
  @Transactional(Propagation.Mandatory)
  holdStudy(studyId: number): Promise<void> {
    return this.outbox.hold(studyId, new Date());
  }

  /** For reopening a study: its mail is sent again (what was cancelled meanwhile stays cancelled). */
  @Transactional(Propagation.Mandatory)
  releaseStudy(studyId: number): Promise<void> {
    return this.outbox.release(studyId);
  }

  /** Renders templates/emails/<template> in the recipient's language and enqueues the result (see enqueue). */
  enqueueTemplate(mail: NewTemplatedMail): Promise<OutboxMessage> {
    const { template, locale, data, ...rest } = mail;
    const rendered = renderEmail(template, locale, data);
    return this.enqueue({ ...rest, subject: rendered.subject, text: rendered.text, html: rendered.html });
  }

  /** One page of messages, newest first; `from`/`to` are Dutch calendar days, `to` included. */
  async list(
    filter: Omit<OutboxFilter, 'createdFrom' | 'createdBefore'> & { from?: string; to?: string },
  ): Promise<Page<OutboxListRow>> {
    const { from, to, ...rest } = filter;
    const page = await this.outbox.list({
      ...rest,
      createdFrom: (from && startOfDutchDay(from)) || undefined,
      createdBefore: (to && endOfDutchDay(to)) || undefined,
    });
    return { ...page, offset: filter.offset, limit: filter.limit };
  }

  /** The study's e-mails to one address (a respondent's file), any capitalisation, oldest first. */
  async mailsTo(
    studyId: number,
    address: string,
    page: { offset: number; limit: number },
  ): Promise<Page<MailHistoryLine>> {
    return { ...(await this.outbox.mailsTo(studyId, address, page)), ...page };
  }

  filterChoices(): Promise<{ kinds: string[]; studies: { id: number; title: string }[] }> {
    return this.outbox.filterChoices();
  }

  async get(id: number): Promise<OutboxMessage> {
    const message = await this.outbox.findById(id);
    if (!message) throw AppError.notFound('outbox_message', id);
    return message;
  }

  summary(): Promise<Record<OutboxStatus, number>> {
    return this.outbox.countByStatus();
  }

  transportDescription(): string {
    return this.transport.description;
  }

  /** A person decided to send a failed or unknown message again: it gets a fresh series of attempts, same Message-ID. */
  @Transactional()
  async retry(id: number, actor: AuthUser | null): Promise<OutboxMessage> {
    const message = await this.outbox.findById(id);
    if (!message) throw AppError.notFound('outbox_message', id);
    if (!(await this.outbox.resetForRetry(id, new Date()))) {
      throw AppError.conflict(
        'outbox.not_retryable',
        `This message has status "${message.status}"; only failed or unknown messages can be sent again.`,
        { status: message.status },
      );
    }
    await this.audit.record({
      actor,
      action: 'outbox.retry',
      studyId: message.studyId,
      subjectType: 'outbox_message',
      subjectId: id,
      details: { previousStatus: message.status, lastError: message.lastError },
    });
    return (await this.outbox.findById(id)) as OutboxMessage;
  }
}
