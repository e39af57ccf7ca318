import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { LOCALES, Locale, RespondentStatus } from '../common/domain';
import { FocusGroup } from '../groups/group.entity';
import { GroupMember } from '../groups/group-member.entity';
import { Respondent } from '../respondents/respondent.entity';
import { moveRespondentStatus } from '../respondents/status-history';
import { ScreenerSubmission } from '../respondents/screener-submission.entity';
import { Organisation } from '../studies/organisation.entity';
import { SessionSlot } from '../studies/session-slot.entity';
import { Study } from '../studies/study.entity';
import { Invitation, InvitationStatus } from './invitation.entity';
import { ScheduledSession } from './session.entity';

/** The session aggregate (sessions and their invitations), and the group, member and slot reads scheduling needs. */
@Injectable()
export class SessionRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Whether the group has a session that is not cancelled. */
  async hasActiveSessionForGroup(groupId: number, manager?: EntityManager): Promise<boolean> {
    return (await this.m(manager).countBy(ScheduledSession, { groupId, status: Not('cancelled') })) > 0;
  }

  /** Sessions (also cancelled ones, which keep their history) that meet in this slot. */
  countInSlot(slotId: number, manager?: EntityManager): Promise<number> {
    return this.m(manager).countBy(ScheduledSession, { slotId });
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** On SQLite, transactions run one after another app-wide (see database/sqlite-transactions.ts). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(() => work(this.txHost.tx));
  }

  /** Serialises scheduler runs of one study across app instances (PostgreSQL); SQLite is serialised already. */
  async lockStudy(studyId: number, manager: EntityManager): Promise<void> {
    if (this.isPostgres) await manager.query('SELECT id FROM study WHERE id = $1 FOR UPDATE', [studyId]);
  }

  /** The sessions, locked for the rest of the transaction, in id order so two changes never deadlock. */
  async lockSessions(ids: number[], manager: EntityManager): Promise<Map<number, ScheduledSession>> {
    const qb = manager.createQueryBuilder(ScheduledSession, 's').where({ id: In(ids) }).orderBy('s.id', 'ASC');
    if (this.isPostgres) qb.setLock('pessimistic_write');
    return new Map((await qb.getMany()).map((s) => [s.id, s]));
  }

  async lockGroup(id: number, manager: EntityManager): Promise<FocusGroup | null> {
    const qb = manager.createQueryBuilder(FocusGroup, 'g').where({ id });
    if (this.isPostgres) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findStudy(id: number, manager?: EntityManager): Promise<Study | null> {
    return this.m(manager).findOneBy(Study, { id });
  }

  slotsOfStudy(studyId: number, manager?: EntityManager): Promise<SessionSlot[]> {
    return this.m(manager).find(SessionSlot, { where: { studyId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  slotsByIds(ids: number[], manager?: EntityManager): Promise<SessionSlot[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(manager).find(SessionSlot, { where: { id: In([...new Set(ids)]) } });
  }

  findSlot(id: number, manager?: EntityManager): Promise<SessionSlot | null> {
    return this.m(manager).findOneBy(SessionSlot, { id });
  }

  groupsOfStudy(studyId: number, manager?: EntityManager): Promise<FocusGroup[]> {
    return this.m(manager).find(FocusGroup, { where: { studyId }, order: { id: 'ASC' } });
  }

  findGroup(id: number, manager?: EntityManager): Promise<FocusGroup | null> {
    return this.m(manager).findOneBy(FocusGroup, { id });
  }

  membershipsOfGroups(groupIds: number[], manager?: EntityManager): Promise<GroupMember[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.m(manager).find(GroupMember, { where: { groupId: In(groupIds) }, order: { role: 'ASC', position: 'ASC', id: 'ASC' } });
  }

  respondentsByIds(ids: number[], manager?: EntityManager): Promise<Respondent[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(manager).find(Respondent, { where: { id: In([...new Set(ids)]) } });
  }

  /** The language each respondent filled in the screener in (their latest submission); imported people have none. */
  async screenerLocales(ids: number[], manager?: EntityManager): Promise<Map<number, Locale>> {
    if (!ids.length) return new Map();
    const rows = await this.m(manager).find(ScreenerSubmission, { select: { respondentId: true, locale: true, submittedAt: true }, where: { respondentId: In([...new Set(ids)]) }, order: { submittedAt: 'ASC', id: 'ASC' } });
    const locales = new Map<number, Locale>();
    for (const r of rows) if (r.respondentId !== null && (LOCALES as readonly string[]).includes(r.locale)) locales.set(r.respondentId, r.locale);
    return locales;
  }

  findRespondent(id: number, manager?: EntityManager): Promise<Respondent | null> {
    return this.m(manager).findOneBy(Respondent, { id });
  }

  async organisationNames(ids: number[], manager?: EntityManager): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.m(manager).find(Organisation, { where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  /** Moves respondents to a status, but only from the statuses given (nobody jumps back or skips a step). */
  async changeRespondentStatus(ids: number[], from: RespondentStatus[], to: RespondentStatus, manager: EntityManager): Promise<void> {
    await moveRespondentStatus(manager, ids, from, to);
  }

  sessionsOfStudy(studyId: number, manager?: EntityManager): Promise<ScheduledSession[]> {
    return this.m(manager).find(ScheduledSession, { where: { studyId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  findSession(id: number, manager?: EntityManager): Promise<ScheduledSession | null> {
    return this.m(manager).findOneBy(ScheduledSession, { id });
  }

  findSessionOfGroup(groupId: number, manager?: EntityManager): Promise<ScheduledSession | null> {
    return this.m(manager).findOneBy(ScheduledSession, { groupId });
  }

  /** Scheduled sessions of other studies that any of these people moderate: they count for overlap, rest and daily maxima. */
  otherStudiesSessionsOf(studyId: number, userIds: number[], manager?: EntityManager): Promise<ScheduledSession[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.m(manager)
      .createQueryBuilder(ScheduledSession, 's')
      .where('s.study_id <> :studyId', { studyId })
      .andWhere("s.status = 'scheduled'")
      .andWhere('(s.lead_moderator_id IN (:...ids) OR s.note_moderator_id IN (:...ids))', { ids: userIds })
      .orderBy('s.id', 'ASC')
      .getMany();
  }

  /** Every session, in any study, that this person leads or takes notes in: their calendar feed. */
  sessionsModeratedBy(userId: number): Promise<ScheduledSession[]> {
    return this.dataSource.manager
      .createQueryBuilder(ScheduledSession, 's')
      .where('s.lead_moderator_id = :userId OR s.note_moderator_id = :userId', { userId })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  saveSession(session: Partial<ScheduledSession>, manager: EntityManager): Promise<ScheduledSession> {
    return manager.save(manager.create(ScheduledSession, session));
  }

  invitationsOfSessions(sessionIds: number[], manager?: EntityManager): Promise<Invitation[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    return this.m(manager).find(Invitation, { where: { sessionId: In(sessionIds) }, order: { id: 'ASC' } });
  }

  /** Invitations still open or accepted: the people a reschedule or cancellation must reach. */
  liveInvitations(sessionId: number, manager: EntityManager): Promise<Invitation[]> {
    return manager.find(Invitation, { where: { sessionId, status: In<InvitationStatus>(['sent', 'confirmed']) }, order: { id: 'ASC' } });
  }

  findInvitation(sessionId: number, respondentId: number, manager: EntityManager): Promise<Invitation | null> {
    return manager.findOneBy(Invitation, { sessionId, respondentId });
  }

  /** The invitation behind a link, locked so a confirm and a decline of the same link never both win. */
  async lockInvitationByTokenHash(tokenHash: string, manager: EntityManager): Promise<Invitation | null> {
    const qb = manager.createQueryBuilder(Invitation, 'i').where({ tokenHash });
    if (this.isPostgres) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findInvitationByTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.dataSource.manager.findOneBy(Invitation, { tokenHash });
  }

  saveInvitation(invitation: Partial<Invitation>, manager: EntityManager): Promise<Invitation> {
    return manager.save(manager.create(Invitation, invitation));
  }

  async setInvitationStatus(ids: number[], status: InvitationStatus, manager: EntityManager): Promise<void> {
    if (!ids.length) return;
    await manager.update(Invitation, { id: In(ids), status: Not(status) }, { status });
  }
}
