// Pure checks on a study's settings and slots, shared by the API, the pages and the CLI.

export interface GroupSizeSettings {
  groupTargetSize: number;
  groupMinSize: number;
  groupMaxSize: number;
}

/** field -> problem, empty when fine */
export function groupSizeProblems(s: GroupSizeSettings): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (s.groupMinSize > s.groupTargetSize) problems.groupMinSize = [`must not be more than the target size (${s.groupTargetSize})`];
  if (s.groupMaxSize < s.groupTargetSize) problems.groupMaxSize = [`must not be less than the target size (${s.groupTargetSize})`];
  return problems;
}

export function slotProblems(start: Date, end: Date, sessionMinutes: number): Record<string, string[]> {
  if (Number.isNaN(start.getTime())) return { start: ['is not a valid date and time'] };
  if (Number.isNaN(end.getTime())) return { end: ['is not a valid date and time'] };
  if (end <= start) return { end: ['must be after the start'] };
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  if (minutes < sessionMinutes) return { end: [`leaves ${minutes} minutes; the study's sessions last ${sessionMinutes} minutes`] };
  if (minutes > 12 * 60) return { end: ['must be on the same day as the start (at most 12 hours)'] };
  return {};
}
