import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager): Repository<User> {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.repo().findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: number): Promise<User | null> {
    return this.repo().findOneBy({ id });
  }

  /** One page of accounts by e-mail address, and how many there are. */
  async listPage(offset: number, limit: number): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.repo().findAndCount({ order: { email: 'ASC' }, skip: offset, take: limit });
    return { items, total };
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  insert(user: Omit<User, 'id'>, manager?: EntityManager): Promise<User> {
    return this.repo(manager).save(this.repo(manager).create(user));
  }
}
