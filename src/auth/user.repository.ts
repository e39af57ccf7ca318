import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { UserAccount } from './auth-user';
import { User } from './user.entity';

const ACCOUNT = { id: true, email: true, name: true, role: true, organisationId: true, active: true } as const;

@Injectable()
export class UserRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  private repo(): Repository<User> {
    return this.manager.getRepository(User);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.repo().findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: number): Promise<User | null> {
    return this.repo().findOneBy({ id });
  }

  /** Accounts by id, in id order, without what only the login needs. */
  accounts(ids: number[]): Promise<UserAccount[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo().find({ select: ACCOUNT, where: { id: In([...new Set(ids)]) }, order: { id: 'ASC' } });
  }

  /** Active researcher and admin accounts, by name. */
  activeStaff(): Promise<UserAccount[]> {
    return this.repo().find({
      select: ACCOUNT,
      where: { role: In(['researcher', 'admin']), active: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** Active partner accounts of one organisation, by name. */
  activePartnersOf(organisationId: number): Promise<UserAccount[]> {
    return this.repo().find({
      select: ACCOUNT,
      where: { role: 'partner', organisationId, active: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** One page of accounts by e-mail address, and how many there are. */
  async listPage(offset: number, limit: number): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.repo().findAndCount({ order: { email: 'ASC' }, skip: offset, take: limit });
    return { items, total };
  }

  /** Researchers and admins, active or not (coders of imported QDA projects are inactive accounts). */
  staff(): Promise<UserAccount[]> {
    return this.repo().find({ select: ACCOUNT, where: { role: In(['admin', 'researcher']) }, order: { id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  insert(user: Omit<User, 'id'>): Promise<User> {
    return this.repo().save(this.repo().create(user));
  }
}
