import { Inject, Injectable } from '@nestjs/common';
import { Propagation, Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error';
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

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** The groups, locked for the rest of the transaction (in id order, so two changes never deadlock). */
  // Only meaningful inside the caller's unit of work: refuses to run outside one.
  @Transactional(Propagation.Mandatory)
  async lockGroups(ids: number[]): Promise<Map<number, FocusGroup>> {
    const qb = this.manager
      .createQueryBuilder(FocusGroup, 'g')
      .where({ id: In(ids) })
      .orderBy('g.id', 'ASC');
    if (this.isPostgres) qb.setLock('pessimistic_write');
    const rows = await qb.getMany();
    return new Map(rows.map((g) => [g.id, g]));
  }

  findGroup(id: number): Promise<FocusGroup | null> {
    return this.manager.findOneBy(FocusGroup, { id });
  }

  async groupsOfStudy(studyId: number, organisationId?: number): Promise<GroupWithMembers[]> {
    const where = organisationId === undefined ? { studyId } : { studyId, organisationId };
    const groups = await this.manager.find(FocusGroup, { where, order: { id: 'ASC' } });
    return this.withMembers(groups);
  }

  async withMembers(groups: FocusGroup[]): Promise<GroupWithMembers[]> {
    if (!groups.length) return [];
    const memberships = await this.manager.find(GroupMember, {
      where: { groupId: In(groups.map((g) => g.id)) },
      order: { position: 'ASC', id: 'ASC' },
    });
    return groups.map((g) => Object.assign(g, { memberships: memberships.filter((m) => m.groupId === g.id) }));
  }

  membershipOf(studyId: number, respondentId: number): Promise<GroupMember | null> {
    return this.manager.findOneBy(GroupMember, { studyId, respondentId });
  }

  membershipsOfGroups(groupIds: number[]): Promise<GroupMember[]> {
    return this.manager.find(GroupMember, { where: { groupId: In(groupIds) }, order: { position: 'ASC', id: 'ASC' } });
  }

  insertGroup(group: Omit<FocusGroup, 'id'>): Promise<FocusGroup> {
    return this.manager.save(this.manager.create(FocusGroup, group));
  }

  async setGroupStatus(group: FocusGroup, status: GroupStatus): Promise<FocusGroup> {
    group.status = status;
    group.updatedAt = new Date();
    return this.manager.save(group);
  }

  async touchGroups(ids: number[]): Promise<void> {
    await this.manager.update(FocusGroup, { id: In(ids) }, { updatedAt: new Date() });
  }

  async deleteGroups(ids: number[]): Promise<void> {
    if (!ids.length) return;
    // Members first: SQLite only cascades when foreign keys are on for the connection.
    await this.manager.delete(GroupMember, { groupId: In(ids) });
    await this.manager.delete(FocusGroup, { id: In(ids) });
  }

  /** A second placement of the same respondent (perhaps by a colleague at the same moment) is a 409 with a clear message. */
  async insertMembership(membership: Omit<GroupMember, 'id'>): Promise<GroupMember> {
    try {
      return await this.manager.save(this.manager.create(GroupMember, membership));
    } catch (err) {
      throwTranslated(err);
    }
  }

  async insertMemberships(memberships: Omit<GroupMember, 'id'>[]): Promise<void> {
    // Chunked: PostgreSQL and SQLite both cap the number of parameters in one statement.
    for (let i = 0; i < memberships.length; i += 500) {
      try {
        await this.manager.insert(GroupMember, memberships.slice(i, i + 500));
      } catch (err) {
        throwTranslated(err);
      }
    }
  }

  async placeMembership(id: number, place: { groupId: number; role: MemberRole; position: number }): Promise<void> {
    await this.manager.update(GroupMember, { id }, place);
  }

  async deleteMembership(id: number): Promise<void> {
    await this.manager.delete(GroupMember, { id });
  }

  /** A respondent who declined the session leaves the group, so its size and the one-group rule stay true. */
  async removeFromGroup(groupId: number, respondentId: number): Promise<void> {
    await this.manager.delete(GroupMember, { groupId, respondentId });
  }

  async membershipsOfRespondents(respondentIds: number[]): Promise<GroupMember[]> {
    const found: GroupMember[] = [];
    // In slices: SQLite takes a bounded number of parameters per statement.
    for (let i = 0; i < respondentIds.length; i += 500)
      found.push(
        ...(await this.manager.find(GroupMember, { where: { respondentId: In(respondentIds.slice(i, i + 500)) } })),
      );
    return found;
  }

  /** An erased respondent leaves their group (as member or reserve). */
  async removeRespondent(respondentId: number): Promise<void> {
    await this.manager.delete(GroupMember, { respondentId });
  }
}

/** PostgreSQL 23505 / SQLite SQLITE_CONSTRAINT_UNIQUE on the one-group-per-respondent constraint becomes a 409; anything else is thrown as it came. */
function throwTranslated(err: unknown): never {
  if (err instanceof QueryFailedError) {
    const driver = err.driverError as { code?: string; constraint?: string; message?: string };
    const unique = driver.code === '23505' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE';
    const ours =
      driver.constraint === 'uq_group_member_respondent' ||
      /group_member\.(study_id|respondent_id)/.test(driver.message ?? '');
    if (unique && ours) {
      throw AppError.conflict(
        'group.respondent_taken',
        'This respondent was placed in another group at the same moment (perhaps by a colleague). Reload the groups page and choose someone else.',
      );
    }
  }
  throw err;
}
