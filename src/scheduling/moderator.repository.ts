import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager, In } from 'typeorm';
import type { UserAccount } from '../auth/auth-user';
import { Moderator } from './moderator.entity';
import { ModeratorFeed } from './moderator-feed.entity';
import { ModeratorSlot } from './moderator-slot.entity';

/** A moderator profile with the slots the person can do. */
export interface ModeratorProfile extends Moderator {
  slotIds: number[];
}

/** A profile with the account behind it (read through UserQueryService: accounts belong to auth). */
export interface ModeratorWithSlots extends ModeratorProfile {
  user: UserAccount;
}

/** The moderator aggregate: per-study profiles, the slots they can do, and their private feed tokens. */
@Injectable()
export class ModeratorRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  async moderatorsOfStudy(studyId: number): Promise<ModeratorProfile[]> {
    const moderators = await this.manager.find(Moderator, { where: { studyId }, order: { id: 'ASC' } });
    if (!moderators.length) return [];
    const slots = await this.manager.find(ModeratorSlot, {
      where: { moderatorId: In(moderators.map((m) => m.id)) },
      order: { slotId: 'ASC' },
    });
    return moderators.map((m) =>
      Object.assign(m, { slotIds: slots.filter((s) => s.moderatorId === m.id).map((s) => s.slotId) }),
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
