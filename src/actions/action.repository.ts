import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In, Like } from 'typeorm';
import {
  Action,
  ActionEvidence,
  ActionHolder,
  ActionMeasurement,
  ActionStatusChange,
  ActionVariant,
} from './action.entity';
import { ACTIVE_STATUSES, ActionStatus, sequenceOf } from './action-rules';

export interface EvidenceRow {
  kind: ActionEvidence['kind'];
  codebookCodeId: number | null;
  quadrant: string | null;
  codingId: number | null;
}

export interface StoredMeasurement {
  id: number;
  name: string;
  createdAt: Date;
  variants: ActionVariant[];
}

/** The action aggregate: the action with its holders, evidence, status history and measurements. Joins the ambient transaction. */
@Injectable()
export class ActionRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get m() {
    return this.txHost.tx;
  }

  /** The next free sequence of the study's numbers in `month` (YYYY-MM). */
  async nextSequence(studyId: number, month: string): Promise<number> {
    const rows = await this.m.find(Action, {
      where: { studyId, number: Like(`${month}-%`) },
      select: { id: true, number: true },
    });
    return rows.reduce((max, r) => Math.max(max, sequenceOf(r.number, month)), 0) + 1;
  }

  insert(action: Omit<Action, 'id'>): Promise<Action> {
    return this.m.save(Action, this.m.create(Action, action));
  }

  async update(id: number, change: Partial<Omit<Action, 'id' | 'studyId'>>): Promise<void> {
    await this.m.update(Action, { id }, change);
  }

  findInStudy(studyId: number, id: number): Promise<Action | null> {
    return this.m.findOneBy(Action, { studyId, id });
  }

  /** One page of the study's actions of these organisations, by number. */
  async page(
    studyId: number,
    organisationIds: number[],
    filter: { status?: ActionStatus; offset: number; limit: number },
  ): Promise<{ items: Action[]; total: number }> {
    if (!organisationIds.length) return { items: [], total: 0 };
    const [items, total] = await this.m.findAndCount(Action, {
      where: { studyId, organisationId: In(organisationIds), ...(filter.status ? { status: filter.status } : {}) },
      order: { number: 'ASC', id: 'ASC' },
      skip: filter.offset,
      take: filter.limit,
    });
    return { items, total };
  }

  async replaceHolders(actionId: number, userIds: number[]): Promise<void> {
    await this.m.delete(ActionHolder, { actionId });
    if (userIds.length)
      await this.m.insert(
        ActionHolder,
        userIds.map((userId) => ({ actionId, userId })),
      );
  }

  /** Holder user ids per action. */
  async holdersOf(actionIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(actionIds.map((id) => [id, []]));
    if (!actionIds.length) return out;
    const rows = await this.m.find(ActionHolder, { where: { actionId: In(actionIds) }, order: { id: 'ASC' } });
    for (const r of rows) out.get(r.actionId)?.push(r.userId);
    return out;
  }

  async replaceEvidence(actionId: number, rows: EvidenceRow[]): Promise<void> {
    await this.m.delete(ActionEvidence, { actionId });
    if (rows.length)
      await this.m.insert(
        ActionEvidence,
        rows.map((r) => ({ ...r, actionId })),
      );
  }

  evidenceOf(actionId: number): Promise<ActionEvidence[]> {
    return this.m.find(ActionEvidence, { where: { actionId }, order: { id: 'ASC' } });
  }

  /** The coding ids each action quotes, in the order they were linked. */
  async quoteIdsOf(actionIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(actionIds.map((id) => [id, []]));
    if (!actionIds.length) return out;
    const rows = await this.m.find(ActionEvidence, {
      where: { actionId: In(actionIds), kind: 'quote' },
      order: { id: 'ASC' },
    });
    for (const r of rows) out.get(r.actionId)?.push(r.codingId!);
    return out;
  }

  async addStatusChange(change: Omit<ActionStatusChange, 'id'>): Promise<void> {
    await this.m.insert(ActionStatusChange, change);
  }

  historyOf(actionId: number): Promise<ActionStatusChange[]> {
    return this.m.find(ActionStatusChange, { where: { actionId }, order: { changedAt: 'ASC', id: 'ASC' } });
  }

  async addMeasurement(
    measurement: Omit<ActionMeasurement, 'id'>,
    variants: Omit<ActionVariant, 'id' | 'measurementId'>[],
  ): Promise<ActionMeasurement> {
    const saved = await this.m.save(ActionMeasurement, this.m.create(ActionMeasurement, measurement));
    await this.m.insert(
      ActionVariant,
      variants.map((v) => ({ ...v, measurementId: saved.id })),
    );
    return saved;
  }

  async measurementsOf(actionId: number): Promise<StoredMeasurement[]> {
    const measurements = await this.m.find(ActionMeasurement, { where: { actionId }, order: { id: 'ASC' } });
    if (!measurements.length) return [];
    const variants = await this.m.find(ActionVariant, {
      where: { measurementId: In(measurements.map((x) => x.id)) },
      order: { position: 'ASC', id: 'ASC' },
    });
    return measurements.map((x) => ({
      id: x.id,
      name: x.name,
      createdAt: x.createdAt,
      variants: variants.filter((v) => v.measurementId === x.id),
    }));
  }

  /** Active actions whose milestone lies from `today` to `until` (calendar days) and was not reminded of yet. */
  reminderCandidates(today: string, until: string): Promise<Action[]> {
    return this.m
      .createQueryBuilder(Action, 'a')
      .where('a.status IN (:...statuses)', { statuses: [...ACTIVE_STATUSES] })
      .andWhere('a.mijlpaal >= :today AND a.mijlpaal <= :until', { today, until })
      .andWhere('(a.reminded_mijlpaal IS NULL OR a.reminded_mijlpaal <> a.mijlpaal)')
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  /**
   * Marks the milestone as reminded, if it still is `mijlpaal` and nobody marked it yet: of two instances only one
   * gets true, and a date changed in between is not marked.
   */
  async claimReminder(id: number, mijlpaal: string): Promise<boolean> {
    const result = await this.m
      .createQueryBuilder()
      .update(Action)
      .set({ remindedMijlpaal: mijlpaal })
      .where('id = :id AND mijlpaal = :mijlpaal', { id, mijlpaal })
      .andWhere('(reminded_mijlpaal IS NULL OR reminded_mijlpaal <> :mijlpaal)', { mijlpaal })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
