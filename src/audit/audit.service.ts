import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actor: Pick<AuthUser, 'id' | 'email'> | null;
  action: string;
  studyId?: number | null;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the event is written with (and only with) the change it describes. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(AuditEvent);
    await repo.save(repo.create({
      occurredAt: new Date(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      studyId: entry.studyId ?? null,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
      details: entry.details ?? null,
    }));
  }

  list(filter: { studyId?: number; action?: string; limit: number; offset: number }): Promise<AuditEvent[]> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e').orderBy('e.id', 'DESC').take(filter.limit).skip(filter.offset);
    if (filter.studyId !== undefined) qb.andWhere('e.study_id = :studyId', { studyId: filter.studyId });
    if (filter.action) qb.andWhere('e.action LIKE :action', { action: `${filter.action}%` });
    return qb.getMany();
  }
}
