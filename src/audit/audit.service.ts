import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager } from 'typeorm';
import { endOfDutchDay, startOfDutchDay } from '../common/dutch-time';
import { escapeLike } from '../common/list-filters';
import type { Page } from '../common/paging';
import { STUDY_DIRECTORY, StudyDirectory } from '../common/study-directory';
import { AuditEvent } from './audit-event.entity';
import type { AuditRecord } from './audit-record';

export interface AuditFilter {
  studyId?: number;
  /** An action or the start of one ("group" matches every group.* action). */
  action?: string;
  /** Part of the actor's e-mail address, any case. */
  actor?: string;
  /** Calendar days in Dutch time, YYYY-MM-DD; `to` includes its day. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Who did it: any logged-in user fits (auth lies above audit, so audit names only what it records). */
export interface AuditActor {
  id: number;
  email: string;
}

export interface AuditEntry {
  actor: AuditActor | null;
  action: string;
  studyId?: number | null;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(STUDY_DIRECTORY) private readonly directory: StudyDirectory,
  ) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  /** Joins the caller's transaction, so the event is written with (and only with) the change it describes. */
  async record(entry: AuditEntry): Promise<void> {
    const repo = this.manager.getRepository(AuditEvent);
    await repo.save(
      repo.create({
        occurredAt: new Date(),
        actorId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? null,
        action: entry.action,
        studyId: entry.studyId ?? null,
        subjectType: entry.subjectType ?? null,
        subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
        details: entry.details ?? null,
      }),
    );
  }

  /** Every study's title, for the page's study filter and its rows. */
  async studyTitles(): Promise<Map<number, string>> {
    const studies = await this.directory.studies();
    return new Map(studies.map((s) => [s.id, s.title]));
  }

  /**
   * Events about one respondent: with them as subject, naming them as `respondentId` in the details (group changes,
   * invitations sent), or listing them in an attendance mark's present/absent lists. Oldest first.
   */
  async aboutRespondent(
    studyId: number,
    respondentId: number,
    page: { offset: number; limit: number },
  ): Promise<Page<AuditRecord>> {
    const id = respondentId;
    const named = { n0: `%"respondentId":${id},%`, n1: `%"respondentId":${id}}%` };
    const listed = { l0: `%[${id},%`, l1: `%,${id},%`, l2: `%,${id}]%`, l3: `%[${id}]%` };
    const [items, total] = await this.manager
      .createQueryBuilder(AuditEvent, 'e')
      .where('e.study_id = :studyId', { studyId })
      .andWhere(
        "((e.subject_type = 'respondent' AND e.subject_id = :id) OR e.details LIKE :n0 OR e.details LIKE :n1" +
          " OR (e.action = 'attendance.mark' AND (e.details LIKE :l0 OR e.details LIKE :l1 OR e.details LIKE :l2 OR e.details LIKE :l3)))",
        { id: String(id), ...named, ...listed },
      )
      .orderBy('e.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items, total, ...page };
  }

  async list(filter: AuditFilter): Promise<Page<AuditEvent>> {
    const qb = this.manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .orderBy('e.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.studyId !== undefined) qb.andWhere('e.study_id = :studyId', { studyId: filter.studyId });
    if (filter.action) qb.andWhere("e.action LIKE :action ESCAPE '\\'", { action: `${escapeLike(filter.action)}%` });
    if (filter.actor)
      qb.andWhere("LOWER(e.actor_email) LIKE :actor ESCAPE '\\'", {
        actor: `%${escapeLike(filter.actor.toLowerCase())}%`,
      });
    const from = filter.from ? startOfDutchDay(filter.from) : null;
    const to = filter.to ? endOfDutchDay(filter.to) : null;
    if (from) qb.andWhere('e.occurred_at >= :from', { from });
    if (to) qb.andWhere('e.occurred_at < :to', { to });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, offset: filter.offset, limit: filter.limit };
  }
}
