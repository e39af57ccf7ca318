import { Inject, Injectable } from '@nestjs/common';
import { Propagation, Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { Invitation, InvitationStatus } from './invitation.entity';
import { ScheduledSession } from './session.entity';

/** The session aggregate: sessions and their invitations. Studies, slots and respondents come from their modules. */
@Injectable()
export class SessionRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  /** Whether the group has a session that is not cancelled. */
  async hasActiveSessionForGroup(groupId: number): Promise<boolean> {
    return (await this.manager.countBy(ScheduledSession, { groupId, status: Not('cancelled') })) > 0;
  }

  /** Sessions (also cancelled ones, which keep their history) that meet in this slot. */
  countInSlot(slotId: number): Promise<number> {
    return this.manager.countBy(ScheduledSession, { slotId });
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** The sessions, locked for the rest of the transaction, in id order so two changes never deadlock. */
  // Only meaningful inside the caller's unit of work: refuses to run outside one.
  @Transactional(Propagation.Mandatory)
  async lockSessions(ids: number[]): Promise<Map<number, ScheduledSession>> {
    const qb = this.manager
      .createQueryBuilder(ScheduledSession, 's')
      .where({ id: In(ids) })
      .orderBy('s.id', 'ASC');
    if (this.isPostgres) qb.setLock('pessimistic_write');
    return new Map((await qb.getMany()).map((s) => [s.id, s]));
  }

  sessionsOfStudy(studyId: number): Promise<ScheduledSession[]> {
    return this.manager.find(ScheduledSession, { where: { studyId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  findSession(id: number): Promise<ScheduledSession | null> {
    return this.manager.findOneBy(ScheduledSession, { id });
  }

  findSessionOfGroup(groupId: number): Promise<ScheduledSession | null> {
    return this.manager.findOneBy(ScheduledSession, { groupId });
  }

  /** Scheduled sessions of other studies that any of these people moderate: they count for overlap, rest and daily maxima. */
  otherStudiesSessionsOf(studyId: number, userIds: number[]): Promise<ScheduledSession[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(ScheduledSession, 's')
      .where('s.study_id <> :studyId', { studyId })
      .andWhere("s.status = 'scheduled'")
      .andWhere('(s.lead_moderator_id IN (:...ids) OR s.note_moderator_id IN (:...ids))', { ids: userIds })
      .orderBy('s.id', 'ASC')
      .getMany();
  }

  /** Every session, in any study, that this person leads or takes notes in: their calendar feed. */
  sessionsModeratedBy(userId: number): Promise<ScheduledSession[]> {
    return this.manager
      .createQueryBuilder(ScheduledSession, 's')
      .where('s.lead_moderator_id = :userId OR s.note_moderator_id = :userId', { userId })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  saveSession(session: Partial<ScheduledSession>): Promise<ScheduledSession> {
    return this.manager.save(this.manager.create(ScheduledSession, session));
  }

  invitationsOfSessions(sessionIds: number[]): Promise<Invitation[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    return this.manager.find(Invitation, { where: { sessionId: In(sessionIds) }, order: { id: 'ASC' } });
  }

  /** Invitations still open or accepted: the people a reschedule or cancellation must reach. */
  liveInvitations(sessionId: number): Promise<Invitation[]> {
    return this.manager.find(Invitation, {
      where: { sessionId, status: In<InvitationStatus>(['sent', 'confirmed']) },
      order: { id: 'ASC' },
    });
  }

  findInvitation(sessionId: number, respondentId: number): Promise<Invitation | null> {
    return this.manager.findOneBy(Invitation, { sessionId, respondentId });
  }

  /** The invitation behind a link, locked so a confirm and a decline of the same link never both win. */
  // Only meaningful inside the caller's unit of work: refuses to run outside one.
  @Transactional(Propagation.Mandatory)
  async lockInvitationByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const qb = this.manager.createQueryBuilder(Invitation, 'i').where({ tokenHash });
    if (this.isPostgres) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findInvitationByTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.manager.findOneBy(Invitation, { tokenHash });
  }

  saveInvitation(invitation: Partial<Invitation>): Promise<Invitation> {
    return this.manager.save(this.manager.create(Invitation, invitation));
  }

  invitationsOfStudy(studyId: number): Promise<Invitation[]> {
    return this.manager.find(Invitation, { where: { studyId }, order: { id: 'ASC' } });
  }

  invitationsOfRespondent(respondentId: number): Promise<Invitation[]> {
    return this.manager.find(Invitation, { where: { respondentId }, order: { id: 'DESC' } });
  }

  scheduledSessionsOfGroups(groupIds: number[]): Promise<ScheduledSession[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.manager.find(ScheduledSession, {
      where: { groupId: In(groupIds), status: 'scheduled' },
      order: { id: 'ASC' },
    });
  }

  async setInvitationStatus(ids: number[], status: InvitationStatus): Promise<void> {
    if (!ids.length) return;
    await this.manager.update(Invitation, { id: In(ids), status: Not(status) }, { status });
  }
}
