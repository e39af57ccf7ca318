import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { User } from '../auth/user.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { Respondent } from '../respondents/respondent.entity';
import { RespondentStatusChange } from '../respondents/respondent-status-change.entity';
import { Organisation } from '../studies/organisation.entity';

/** Everything recorded about one respondent, read for their page (read-only). */
@Injectable()
export class RespondentFileRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findRespondent(studyId: number, id: number): Promise<Respondent | null> {
    return this.dataSource.manager.findOneBy(Respondent, { studyId, id });
  }

  async organisationName(id: number | null): Promise<string | null> {
    if (id === null) return null;
    return (await this.dataSource.manager.findOneBy(Organisation, { id }))?.name ?? null;
  }

  statusChanges(respondentId: number): Promise<RespondentStatusChange[]> {
    return this.dataSource.manager.find(RespondentStatusChange, { where: { respondentId }, order: { id: 'ASC' } });
  }

  async userNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const users = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .select(['u.id', 'u.name'])
      .where('u.id IN (:...ids)', { ids })
      .getMany();
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** E-mails of this study to the address, any capitalisation (an erased respondent has none left to match). */
  async mailsTo(
    studyId: number,
    address: string,
    page: { offset: number; limit: number },
  ): Promise<{
    items: Pick<OutboxMessage, 'id' | 'kind' | 'subject' | 'status' | 'createdAt' | 'sentAt'>[];
    total: number;
  }> {
    const [items, total] = await this.dataSource.manager
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

  /**
   * Events about them: with them as subject, naming them as `respondentId` in the details (group changes, invitations
   * sent), or listing them in an attendance mark's present/absent lists.
   */
  async auditEvents(
    studyId: number,
    respondentId: number,
    page: { offset: number; limit: number },
  ): Promise<{ items: AuditEvent[]; total: number }> {
    const id = respondentId;
    const named = { n0: `%"respondentId":${id},%`, n1: `%"respondentId":${id}}%` };
    const listed = { l0: `%[${id},%`, l1: `%,${id},%`, l2: `%,${id}]%`, l3: `%[${id}]%` };
    const [items, total] = await this.dataSource.manager
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
    return { items, total };
  }
}
