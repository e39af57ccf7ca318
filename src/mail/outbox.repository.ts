import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../common/list-filters';
import { STUDY_DIRECTORY, StudyDirectory } from '../common/study-directory';
import { OutboxHold } from './outbox-hold.entity';
import { OutboxMessage } from './outbox-message.entity';
import { FailureOutcome, OutboxStatus, RETRYABLE_STATUSES } from './outbox-policy';

export type NewOutboxRow = Pick<
  OutboxMessage,
  | 'idempotencyKey'
  | 'studyId'
  | 'kind'
  | 'toAddress'
  | 'subject'
  | 'textBody'
  | 'htmlBody'
  | 'attachments'
  | 'messageId'
>;

export interface OutboxFilter {
  status?: OutboxStatus;
  studyId?: number;
  kind?: string;
  /** Part of the recipient's address, any case. */
  recipient?: string;
  /** Created from this instant up to (not including) `before`. */
  createdFrom?: Date;
  createdBefore?: Date;
  limit: number;
  offset: number;
}

/** One line of a person's mail history: what was sent and how it went, not the message itself. */
export interface MailHistoryLine {
  id: number;
  kind: string;
  subject: string;
  status: OutboxStatus;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxListRow {
  id: number;
  studyId: number | null;
  studySlug: string | null;
  studyTitle: string | null;
  kind: string;
  toAddress: string;
  subject: string;
  messageId: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** Whether message m belongs to a study whose mail is held (closed): the outbox's own record, see OutboxHold. */
const HELD_STUDY = 'SELECT 1 FROM outbox_hold h WHERE h.study_id = m.study_id';

/** The outbox: messages waiting, being sent and sent. Every state change is a conditional update, so two workers never both win. */
@Injectable()
export class OutboxRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(STUDY_DIRECTORY) private readonly directory: StudyDirectory,
  ) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Inserts unless the idempotency key exists (without an error that would abort the caller's transaction), then returns the stored row. */
  async insertOnce(row: NewOutboxRow, now: Date): Promise<OutboxMessage> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ ...row, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now })
      .orIgnore()
      .execute();
    const stored = await this.manager.findOneBy(OutboxMessage, { idempotencyKey: row.idempotencyKey });
    if (!stored) throw new Error(`outbox row for ${row.idempotencyKey} vanished after insert`);
    return stored;
  }

  findById(id: number): Promise<OutboxMessage | null> {
    return this.manager.findOneBy(OutboxMessage, { id });
  }

  /**
   * Claims the next due message for this worker: status "sending", attempts + 1, a lease until `leaseUntil`.
   * PostgreSQL skips rows another worker has locked; on SQLite (one writer at a time) the conditional update
   * decides, and a lost race just tries the next row.
   */
  async claimNextDue(workerId: string, now: Date, leaseUntil: Date): Promise<OutboxMessage | null> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const outcome = this.isPostgres
        ? await this.txHost.withTransaction(() => this.claimIn(workerId, now, leaseUntil, true))
        : await this.claimIn(workerId, now, leaseUntil, false);
      if (outcome === 'none') return null;
      if (outcome !== 'lost') return this.findById(outcome);
    }
    return null;
  }

  private async claimIn(
    workerId: string,
    now: Date,
    leaseUntil: Date,
    lock: boolean,
  ): Promise<number | 'none' | 'lost'> {
    const qb = this.manager
      .createQueryBuilder(OutboxMessage, 'm')
      .select('m.id', 'id')
      .where('m.status = :pending', { pending: 'pending' })
      .andWhere('m.nextAttemptAt <= :now', { now })
      // A study closed after cancelHeldStudies() ran: its mail waits for the next pass to cancel it.
      .andWhere(`(m.study_id IS NULL OR NOT EXISTS (${HELD_STUDY}))`)
      .orderBy('m.nextAttemptAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(1);
    if (lock) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    const row = await qb.getRawOne<{ id: number }>();
    if (!row) return 'none';
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'sending', claimedBy: workerId, claimedUntil: leaseUntil, attempts: () => 'attempts + 1' })
      .where('id = :id AND status = :pending', { id: Number(row.id), pending: 'pending' })
      .execute();
    return result.affected === 1 ? Number(row.id) : 'lost';
  }

  /** Waiting mail of a held (closed) study is not sent: marked cancelled with the reason, in one statement. */
  async cancelHeldStudies(reason: string): Promise<number> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'cancelled', lastError: reason, claimedBy: null, claimedUntil: null })
      .where(
        `status = :pending AND study_id IS NOT NULL AND EXISTS (${HELD_STUDY.replace(/\bm\./g, 'outbox_message.')})`,
        { pending: 'pending' },
      )
      .execute();
    return result.affected ?? 0;
  }

  /** Holds a study's mail; holding it again changes nothing. */
  async hold(studyId: number, now: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(OutboxHold)
      .values({ studyId, heldAt: now })
      .orIgnore()
      .execute();
  }

  async release(studyId: number): Promise<void> {
    await this.manager.delete(OutboxHold, { studyId });
  }

  /** Also accepts a row already marked unknown by an expired lease: the worker that held it knows it arrived. */
  async markSent(id: number, workerId: string, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'sent', sentAt: now, claimedUntil: null, lastError: null })
      .where('id = :id AND claimed_by = :workerId AND status IN (:...statuses)', {
        id,
        workerId,
        statuses: ['sending', 'unknown'],
      })
      .execute();
    return result.affected === 1;
  }

  async recordFailure(id: number, workerId: string, outcome: FailureOutcome, error: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({
        status: outcome.status,
        ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
        claimedUntil: null,
        lastError: error.slice(0, 2000),
      })
      .where('id = :id AND claimed_by = :workerId AND status = :sending', { id, workerId, sending: 'sending' })
      .execute();
    return result.affected === 1;
  }

  /**
   * A claim whose lease ran out belongs to a worker that stopped, perhaps after the SMTP server accepted the
   * message. Sending again could deliver it twice, so it becomes "unknown" for a person to check and retry.
   */
  async expireLeases(now: Date): Promise<number> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({
        status: 'unknown',
        lastError: 'The sending worker stopped before it recorded the result; the message may or may not have arrived.',
      })
      .where('status = :sending AND claimed_until < :now', { sending: 'sending', now })
      .execute();
    return result.affected ?? 0;
  }

  /** Back to pending, with a fresh series of attempts; only failed and unknown messages qualify. */
  async resetForRetry(id: number, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, claimedBy: null, claimedUntil: null })
      .where('id = :id AND status IN (:...statuses)', { id, statuses: [...RETRYABLE_STATUSES] })
      .execute();
    return result.affected === 1;
  }

  /** E-mails of this study to the address, any capitalisation, oldest first. */
  async mailsTo(
    studyId: number,
    address: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: MailHistoryLine[]; total: number }> {
    const [items, total] = await this.manager
      .createQueryBuilder(OutboxMessage, 'm')
      .select(['m.id', 'm.kind', 'm.subject', 'm.status', 'm.createdAt', 'm.sentAt'])
      .where('m.study_id = :studyId AND LOWER(m.to_address) = :address', {
        studyId,
        address: address.trim().toLowerCase(),
      })
      .orderBy('m.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items, total };
  }

  /** Newest first, each with its study's slug and title (a deleted study leaves them null). */
  async list(filter: OutboxFilter): Promise<{ items: OutboxListRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      // The bodies stay in the database: a list never needs them.
      .select([
        'm.id',
        'm.studyId',
        'm.kind',
        'm.toAddress',
        'm.subject',
        'm.messageId',
        'm.status',
        'm.attempts',
        'm.nextAttemptAt',
        'm.lastError',
        'm.sentAt',
        'm.createdAt',
      ])
      .orderBy('m.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.studyId !== undefined) qb.andWhere('m.study_id = :studyId', { studyId: filter.studyId });
    if (filter.kind) qb.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.recipient)
      qb.andWhere("LOWER(m.to_address) LIKE :recipient ESCAPE '\\'", {
        recipient: `%${escapeLike(filter.recipient.toLowerCase())}%`,
      });
    if (filter.createdFrom) qb.andWhere('m.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdBefore) qb.andWhere('m.created_at < :createdBefore', { createdBefore: filter.createdBefore });
    const [messages, total] = await qb.getManyAndCount();
    const studyIds = [...new Set(messages.map((m) => m.studyId).filter((id): id is number => id !== null))];
    const studies = new Map((await this.directory.studies(studyIds)).map((s) => [s.id, s]));
    const items = messages.map((m) => {
      const study = m.studyId === null ? undefined : studies.get(m.studyId);
      return { ...m, studySlug: study?.slug ?? null, studyTitle: study?.title ?? null };
    });
    return { items, total };
  }

  /** The kinds of message there are, and every study's title: the choices of the page's filter. */
  async filterChoices(): Promise<{ kinds: string[]; studies: { id: number; title: string }[] }> {
    const kinds = await this.manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('DISTINCT m.kind', 'kind')
      .orderBy('kind')
      .getRawMany<{ kind: string }>();
    const studies = await this.directory.studies();
    return { kinds: kinds.map((k) => k.kind), studies: studies.map((s) => ({ id: s.id, title: s.title })) };
  }

  async countByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('m.status')
      .getRawMany<{ status: OutboxStatus; n: string | number }>();
    const counts: Record<OutboxStatus, number> = {
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      unknown: 0,
      cancelled: 0,
    };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }
}
