// A respondent's way through the study as a list of steps. Pure: no framework imports.
import type { RespondentStatus } from '../common/domain';

export interface StatusStep {
  status: RespondentStatus;
  at: Date;
}

/**
 * The status they were screened (or imported) with, then every recorded change. The first status is the `from` of
 * the first change, or their status now when nothing changed since.
 */
export function statusHistory(
  screenedAt: Date,
  current: RespondentStatus,
  changes: readonly { fromStatus: RespondentStatus; toStatus: RespondentStatus; changedAt: Date }[],
): StatusStep[] {
  const first = changes.length ? changes[0].fromStatus : current;
  return [{ status: first, at: screenedAt }, ...changes.map((c) => ({ status: c.toStatus, at: c.changedAt }))];
}
