import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager, In } from 'typeorm';
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
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  async moderatorsOfStudy(studyId: number): Promise<ModeratorWithSlots[]> {
    const moderators = await this.manager.find(Moderator, { where: { studyId }, order: { id: 'ASC' } });
    if (!moderators.length) return [];
    const [slots, users] = await Promise.all([
      this.manager.find(ModeratorSlot, {
        where: { moderatorId: In(moderators.map((m) => m.id)) },
        order: { slotId: 'ASC' },
      }),
      this.usersByIds(moderators.map((m) => m.userId)),
    ]);
    const byId = new Map(users.map((u) => [u.id, u]));
    return moderators.map((m) =>
      Object.assign(m, {
        slotIds: slots.filter((s) => s.moderatorId === m.id).map((s) => s.slotId),
        user: byId.get(m.userId)!,
      }),
    );
  }

  activeCount(studyId: number): Promise<number> {
    return this.manager.countBy(Moderator, { studyId, active: true });
  }

  findProfile(studyId: number, userId: number): Promise<Moderator | null> {
    return this.manager.findOneBy(Moderator, { studyId, userId });
  }

  saveProfile(profile: Partial<Moderator>): Promise<Moderator> {
    return this.manager.save(this.manager.create(Moderator, profile));
  }

  async replaceSlots(moderatorId: number, slotIds: number[]): Promise<void> {
    await this.manager.delete(ModeratorSlot, { moderatorId });
    if (slotIds.length)
      await this.manager.insert(
        ModeratorSlot,
        slotIds.map((slotId) => ({ moderatorId, slotId })),
      );
  }

  async deleteProfile(id: number): Promise<void> {
    await this.manager.delete(ModeratorSlot, { moderatorId: id });
    await this.manager.delete(Moderator, { id });
  }

  usersByIds(ids: number[]): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.manager.find(User, { where: { id: In([...new Set(ids)]) }, order: { id: 'ASC' } });
  }

  findUser(id: number): Promise<User | null> {
    return this.manager.findOneBy(User, { id });
  }

  /** Researcher and admin accounts that are active: the people who can be marked as moderators. */
  staffUsers(): Promise<User[]> {
    return this.manager.find(User, {
      where: { role: In(['researcher', 'admin']), active: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** One feed per person: a new token replaces the old one, so a leaked link can be revoked by making a new one. */
  async replaceFeedToken(userId: number, tokenHash: string): Promise<void> {
    await this.manager.delete(ModeratorFeed, { userId });
    await this.manager.insert(ModeratorFeed, { userId, tokenHash, createdAt: new Date() });
  }

  findFeedByTokenHash(tokenHash: string): Promise<ModeratorFeed | null> {
    return this.manager.findOneBy(ModeratorFeed, { tokenHash });
  }

  findFeedOf(userId: number): Promise<ModeratorFeed | null> {
    return this.manager.findOneBy(ModeratorFeed, { userId });
  }
}
