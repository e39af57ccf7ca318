import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../auth/user.entity';
import { Moderator } from './moderator.entity';
import { ModeratorFeed } from './moderator-feed.entity';
import { ModeratorSlot } from './moderator-slot.entity';

export interface ModeratorWithSlots extends Moderator {
  slotIds: number[];
  user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'active'>;
}

/** The moderator aggregate: per-study profiles, the slots they can do, and their private feed tokens. */
@Injectable()
export class ModeratorRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async moderatorsOfStudy(studyId: number, manager?: EntityManager): Promise<ModeratorWithSlots[]> {
    const moderators = await this.m(manager).find(Moderator, { where: { studyId }, order: { id: 'ASC' } });
    if (!moderators.length) return [];
    const [slots, users] = await Promise.all([
      this.m(manager).find(ModeratorSlot, { where: { moderatorId: In(moderators.map((m) => m.id)) }, order: { slotId: 'ASC' } }),
      this.usersByIds(moderators.map((m) => m.userId), manager),
    ]);
    const byId = new Map(users.map((u) => [u.id, u]));
    return moderators.map((m) => Object.assign(m, { slotIds: slots.filter((s) => s.moderatorId === m.id).map((s) => s.slotId), user: byId.get(m.userId)! }));
  }

  findProfile(studyId: number, userId: number, manager?: EntityManager): Promise<Moderator | null> {
    return this.m(manager).findOneBy(Moderator, { studyId, userId });
  }

  saveProfile(profile: Partial<Moderator>, manager: EntityManager): Promise<Moderator> {
    return manager.save(manager.create(Moderator, profile));
  }

  async replaceSlots(moderatorId: number, slotIds: number[], manager: EntityManager): Promise<void> {
    await manager.delete(ModeratorSlot, { moderatorId });
    if (slotIds.length) await manager.insert(ModeratorSlot, slotIds.map((slotId) => ({ moderatorId, slotId })));
  }

  async deleteProfile(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(ModeratorSlot, { moderatorId: id });
    await manager.delete(Moderator, { id });
  }

  usersByIds(ids: number[], manager?: EntityManager): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(manager).find(User, { where: { id: In([...new Set(ids)]) }, order: { id: 'ASC' } });
  }

  findUser(id: number, manager?: EntityManager): Promise<User | null> {
    return this.m(manager).findOneBy(User, { id });
  }

  /** Researcher and admin accounts that are active: the people who can be marked as moderators. */
  staffUsers(): Promise<User[]> {
    return this.dataSource.manager.find(User, { where: { role: In(['researcher', 'admin']), active: true }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** One feed per person: a new token replaces the old one, so a leaked link can be revoked by making a new one. */
  async replaceFeedToken(userId: number, tokenHash: string, manager: EntityManager): Promise<void> {
    await manager.delete(ModeratorFeed, { userId });
    await manager.insert(ModeratorFeed, { userId, tokenHash, createdAt: new Date() });
  }

  findFeedByTokenHash(tokenHash: string): Promise<ModeratorFeed | null> {
    return this.dataSource.manager.findOneBy(ModeratorFeed, { tokenHash });
  }

  findFeedOf(userId: number): Promise<ModeratorFeed | null> {
    return this.dataSource.manager.findOneBy(ModeratorFeed, { userId });
  }
}
