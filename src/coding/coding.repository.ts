import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FindOptionsWhere } from 'typeorm';
import { Coding, CodingLayer } from './coding.entity';

export type NewCoding = Omit<Coding, 'id' | 'createdAt' | 'updatedAt'>;

/** The study's codings. Every query joins the ambient transaction. */
@Injectable()
export class CodingRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get m() {
    return this.txHost.tx;
  }

  /** In the order they were made. */
  ofStudy(studyId: number, filter: { layer?: CodingLayer; coderId?: number } = {}): Promise<Coding[]> {
    const where: FindOptionsWhere<Coding> = { studyId };
    if (filter.layer) where.layer = filter.layer;
    if (filter.coderId !== undefined) where.coderId = filter.coderId;
    return this.m.find(Coding, { where, order: { id: 'ASC' } });
  }

  ofAnswer(assignmentId: number, question: string, layer?: CodingLayer): Promise<Coding[]> {
    return this.m.find(Coding, {
      where: { assignmentId, question, ...(layer ? { layer } : {}) },
      order: { id: 'ASC' },
    });
  }

  findById(id: number): Promise<Coding | null> {
    return this.m.findOneBy(Coding, { id });
  }

  findSame(c: NewCoding): Promise<Coding | null> {
    return this.m.findOneBy(Coding, {
      assignmentId: c.assignmentId,
      question: c.question,
      start: c.start,
      end: c.end,
      codeId: c.codeId,
      coderId: c.coderId,
      layer: c.layer,
    });
  }

  async insert(coding: NewCoding): Promise<Coding> {
    const now = new Date();
    const row = this.m.create(Coding, { ...coding, createdAt: now, updatedAt: now });
    return this.m.save(row);
  }

  async update(id: number, changes: Partial<Pick<Coding, 'memo' | 'shareable'>>): Promise<void> {
    await this.m.update(Coding, id, { ...changes, updatedAt: new Date() });
  }

  async delete(ids: number[]): Promise<void> {
    if (ids.length) await this.m.delete(Coding, ids);
  }

  /** Removes every coding of the respondent; how many there were. */
  async deleteOfRespondent(respondentId: number): Promise<number> {
    const result = await this.m.delete(Coding, { respondentId });
    return result.affected ?? 0;
  }
}
