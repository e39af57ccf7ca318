import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FindOptionsWhere } from 'typeorm';
import { DirectSql } from '../database/direct-sql';
import { Coding, CodingLayer } from './coding.entity';
import { inCountingOrder, type RowToCount } from './spans-to-count';

export type NewCoding = Omit<Coding, 'id' | 'createdAt' | 'updatedAt'>;

// The columns of RowToCount, in its order, as one JSON array of arrays built by the database: better-sqlite3
// makes each row an object (or array) through V8's C++ API, which for a study's 200,000 codings cost more than
// the database's query and JSON.parse together. SQLite sorts in a subquery, whose order its aggregate keeps: an
// ORDER BY inside json_group_array took half as long again. It does not promise that, so toCount checks the order.
// Questions compare byte by byte on both databases, as inCountingOrder compares them.
const TO_COUNT_COLUMNS =
  'id, assignment_id, respondent_id, question, start_offset, end_offset, code_id, coder_id, layer, shareable';
const TO_COUNT_SQL = {
  sqlite:
    `SELECT json_group_array(json_array(${TO_COUNT_COLUMNS})) AS rows FROM (SELECT ${TO_COUNT_COLUMNS} FROM coding ` +
    'WHERE study_id = ? ORDER BY respondent_id, assignment_id, question, id)',
  postgres:
    `SELECT json_agg(json_build_array(${TO_COUNT_COLUMNS}) ` +
    'ORDER BY respondent_id, assignment_id, question COLLATE "C", id) AS rows FROM coding WHERE study_id = ?',
};

/** The study's codings. Every query joins the ambient transaction. */
@Injectable()
export class CodingRepository {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sql: DirectSql,
  ) {}

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

  /**
   * Every coding of the study as plain rows, by respondent and answer and then in the order they were made (as
   * spansToCount takes them): for counting a whole study, read in one piece rather than as entities.
   */
  async toCount(studyId: number): Promise<RowToCount[]> {
    const found = (await this.sql.get(TO_COUNT_SQL[this.sql.dialect], [studyId]))?.rows;
    // SQLite answers the JSON as text, PostgreSQL parsed (and null rather than [] when there is no row).
    const rows = (typeof found === 'string' ? JSON.parse(found) : (found ?? [])) as unknown[][];
    return inCountingOrder(
      rows.map((r) => ({
        id: r[0] as number,
        assignmentId: r[1] as number,
        respondentId: r[2] as number,
        question: r[3] as string,
        start: r[4] as number,
        end: r[5] as number,
        codeId: r[6] as number,
        coderId: r[7] as number,
        layer: r[8] as CodingLayer,
        // SQLite stores booleans as 0 and 1.
        shareable: r[9] === true || r[9] === 1,
      })),
    );
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
