import { Injectable } from '@nestjs/common';
import type { UserAccount } from './auth-user';
import { UserRepository } from './user.repository';

/** How the other modules read accounts (moderators, who marked what): read-only and without password hashes. */
@Injectable()
export class UserQueryService {
  constructor(private readonly users: UserRepository) {}

  /** By id, in id order. */
  byIds(ids: number[]): Promise<UserAccount[]> {
    return this.users.accounts(ids);
  }

  async byId(id: number): Promise<UserAccount | null> {
    return (await this.users.accounts([id]))[0] ?? null;
  }

  /** Active researchers and admins, by name: the people who can moderate a session. */
  activeStaff(): Promise<UserAccount[]> {
    return this.users.activeStaff();
  }

  /** Active partners of one organisation, by name: who may hold that organisation's actions besides the staff. */
  activePartnersOf(organisationId: number): Promise<UserAccount[]> {
    return this.users.activePartnersOf(organisationId);
  }

  /** Researchers and admins, active or not, by id: the accounts an imported QDA project's coders can be. */
  staff(): Promise<UserAccount[]> {
    return this.users.staff();
  }

  async names(ids: number[]): Promise<Map<number, string>> {
    return new Map((await this.users.accounts(ids)).map((u) => [u.id, u.name]));
  }
}
