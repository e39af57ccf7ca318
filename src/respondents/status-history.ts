import { EntityManager, In } from 'typeorm';
import type { RespondentStatus } from '../common/domain';
import { Respondent } from './respondent.entity';
import { RespondentStatusChange } from './respondent-status-change.entity';

/**
 * Moves respondents to a status, but only those now in one of the `from` statuses, and writes each move to the
 * status history in the same transaction. Every status change after intake goes through here (or recordStatusChange),
 * so a respondent's page can show their whole way through the study. Returns the ids that moved.
 */
export async function moveRespondentStatus(
  manager: EntityManager,
  ids: number[],
  from: readonly RespondentStatus[],
  to: RespondentStatus,
): Promise<number[]> {
  if (!ids.length) return [];
  const moving = (
    await manager.find(Respondent, {
      select: { id: true, studyId: true, status: true },
      where: { id: In([...new Set(ids)]), status: In([...from]) },
    })
  ).filter((r) => r.status !== to);
  if (!moving.length) return [];
  await manager
    .createQueryBuilder()
    .update(Respondent)
    .set({ status: to })
    .where({ id: In(moving.map((r) => r.id)), status: In([...from]) })
    .execute();
  const changedAt = new Date();
  await manager.insert(
    RespondentStatusChange,
    moving.map((r) => ({ studyId: r.studyId, respondentId: r.id, fromStatus: r.status, toStatus: to, changedAt })),
  );
  return moving.map((r) => r.id);
}

/** For a change saved with the whole entity (erasure): the history row only. */
export async function recordStatusChange(
  manager: EntityManager,
  respondent: Pick<Respondent, 'id' | 'studyId'>,
  from: RespondentStatus,
  to: RespondentStatus,
): Promise<void> {
  if (from === to) return;
  await manager.insert(RespondentStatusChange, {
    studyId: respondent.studyId,
    respondentId: respondent.id,
    fromStatus: from,
    toStatus: to,
    changedAt: new Date(),
  });
}
