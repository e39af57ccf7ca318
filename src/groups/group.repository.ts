import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Brackets, DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error';
import type { RespondentStatus } from '../common/domain';
import { Respondent } from '../respondents/respondent.entity';
import { moveRespondentStatus } from '../respondents/status-history';
import { Study } from '../studies/study.entity';
import { FocusGroup, GroupStatus } from './group.entity';
import { GroupMember, MemberRole } from './group-member.entity';

export interface GroupWithMembers extends FocusGroup {
  memberships: GroupMember[];
}

/** The group aggregate (groups and their members), and the respondent reads the grouping needs. */
@Injectable()
export class GroupRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** A transaction in which a second placement of the same respondent surfaces as a 409 with a clear message. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(() => work(this.txHost.tx)).catch((err: unknown) => Promise.reject(translateUniqueViolation(err)));
  }

  /** Serialises formation runs of one study across app instances (PostgreSQL); SQLite is serialised already. */
  async lockStudy(studyId: number, manager: EntityManager): Promise<void> {
    if (this.isPostgres) await manager.query('SELECT id FROM study WHERE id = $1 FOR UPDATE', [studyId]);
  }

  /** The groups, locked for the rest of the transaction (in id order, so two changes never deadlock). */
  async lockGroups(ids: number[], manager: EntityManager): Promise<Map<number, FocusGroup>> {
    const qb = manager.createQueryBuilder(FocusGroup, 'g').where({ id: In(ids) }).orderBy('g.id', 'ASC');
    if (this.isPostgres) qb.setLock('pessimistic_write');
    const rows = await qb.getMany();
    return new Map(rows.map((g) => [g.id, g]));
  }

  findStudy(id: number, manager?: EntityManager): Promise<Study | null> {
    return this.m(manager).findOneBy(Study, { id });
  }

  findGroup(id: number, manager?: EntityManager): Promise<FocusGroup | null> {
    return this.m(manager).findOneBy(FocusGroup, { id });
  }

  async groupsOfStudy(studyId: number, manager?: EntityManager, organisationId?: number): Promise<GroupWithMembers[]> {
    const where = organisationId === undefined ? { studyId } : { studyId, organisationId };
    const groups = await this.m(manager).find(FocusGroup, { where, order: { id: 'ASC' } });
    return this.withMembers(groups, manager);
  }

  async withMembers(groups: FocusGroup[], manager?: EntityManager): Promise<GroupWithMembers[]> {
    if (!groups.length) return [];
    const memberships = await this.m(manager).find(GroupMember, { where: { groupId: In(groups.map((g) => g.id)) }, order: { position: 'ASC', id: 'ASC' } });
    return groups.map((g) => Object.assign(g, { memberships: memberships.filter((m) => m.groupId === g.id) }));
  }

  membershipOf(studyId: number, respondentId: number, manager?: EntityManager): Promise<GroupMember | null> {
    return this.m(manager).findOneBy(GroupMember, { studyId, respondentId });
  }

  membershipsOfGroups(groupIds: number[], manager?: EntityManager): Promise<GroupMember[]> {
    return this.m(manager).find(GroupMember, { where: { groupId: In(groupIds) }, order: { position: 'ASC', id: 'ASC' } });
  }

  /**
   * Who may take part in a formation: eligible respondents, plus everyone placed in one of the given groups
   * (their status is then 'grouped' or further), never anyone erased.
   */
  async respondentsForGrouping(studyId: number, groupIds: number[], organisationId: number | undefined, manager?: EntityManager): Promise<Respondent[]> {
    const qb = this.m(manager)
      .createQueryBuilder(Respondent, 'r')
      .where('r.study_id = :studyId', { studyId })
      .andWhere('r.erased_at IS NULL')
      .andWhere("r.status <> 'erased'")
      .orderBy('r.id', 'ASC');
    if (organisationId !== undefined) qb.andWhere('r.organisation_id = :organisationId', { organisationId });
    qb.andWhere(
      new Brackets((w) => {
        w.where("r.status = 'eligible'");
        if (groupIds.length) w.orWhere('r.id IN (SELECT gm.respondent_id FROM group_member gm WHERE gm.group_id IN (:...groupIds))', { groupIds });
      }),
    );
    return qb.getMany();
  }

  respondentsByIds(studyId: number, ids: number[], manager?: EntityManager): Promise<Respondent[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(manager).find(Respondent, { where: { studyId, id: In(ids) } });
  }

  findRespondent(studyId: number, id: number, manager?: EntityManager): Promise<Respondent | null> {
    return this.m(manager).findOneBy(Respondent, { studyId, id });
  }

  /** Moves respondents from one status to another; anyone further along (invited, …) is left alone. */
  async changeRespondentStatus(ids: number[], from: RespondentStatus, to: RespondentStatus, manager: EntityManager): Promise<void> {
    await moveRespondentStatus(manager, ids, [from], to);
  }

  insertGroup(group: Omit<FocusGroup, 'id'>, manager: EntityManager): Promise<FocusGroup> {
    return manager.save(manager.create(FocusGroup, group));
  }

  async setGroupStatus(group: FocusGroup, status: GroupStatus, manager: EntityManager): Promise<FocusGroup> {
    group.status = status;
    group.updatedAt = new Date();
    return manager.save(group);
  }

  async touchGroups(ids: number[], manager: EntityManager): Promise<void> {
    await manager.update(FocusGroup, { id: In(ids) }, { updatedAt: new Date() });
  }

  async deleteGroups(ids: number[], manager: EntityManager): Promise<void> {
    if (!ids.length) return;
    // Members first: SQLite only cascades when foreign keys are on for the connection.
    await manager.delete(GroupMember, { groupId: In(ids) });
    await manager.delete(FocusGroup, { id: In(ids) });
  }

  insertMembership(membership: Omit<GroupMember, 'id'>, manager: EntityManager): Promise<GroupMember> {
    return manager.save(manager.create(GroupMember, membership));
  }

  async insertMemberships(memberships: Omit<GroupMember, 'id'>[], manager: EntityManager): Promise<void> {
    // Chunked: PostgreSQL and SQLite both cap the number of parameters in one statement.
    for (let i = 0; i < memberships.length; i += 500) await manager.insert(GroupMember, memberships.slice(i, i + 500));
  }

  async placeMembership(id: number, place: { groupId: number; role: MemberRole; position: number }, manager: EntityManager): Promise<void> {
    await manager.update(GroupMember, { id }, place);
  }

  async deleteMembership(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(GroupMember, { id });
  }

  /** A respondent who declined the session leaves the group, so its size and the one-group rule stay true. */
  async removeFromGroup(groupId: number, respondentId: number, manager: EntityManager): Promise<void> {
    await manager.delete(GroupMember, { groupId, respondentId });
  }

  /** An erased respondent leaves their group (as member or reserve). */
  async removeRespondent(respondentId: number, manager: EntityManager): Promise<void> {
    await manager.delete(GroupMember, { respondentId });
  }
}

/** PostgreSQL 23505 / SQLite SQLITE_CONSTRAINT_UNIQUE on the one-group-per-respondent constraint. */
function translateUniqueViolation(err: unknown): unknown {
  if (!(err instanceof QueryFailedError)) return err;
  const driver = err.driverError as { code?: string; constraint?: string; message?: string };
  const unique = driver.code === '23505' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE';
  const ours = driver.constraint === 'uq_group_member_respondent' || /group_member\.(study_id|respondent_id)/.test(driver.message ?? '');
  if (!unique || !ours) return err;
  return AppError.conflict(
    'group.respondent_taken',
    'This respondent was placed in another group at the same moment (perhaps by a colleague). Reload the groups page and choose someone else.',
  );
}
