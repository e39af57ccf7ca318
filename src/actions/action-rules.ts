// The action register's rules, without a framework: statuses, numbers (YYYY-MM-NNN), what a valid action is and
// when its milestone reminder is due. Problems are locale keys per field, worded where they are shown.
import { isCalendarDate } from '../common/dutch-time';

export const ACTION_STATUSES = ['open', 'in_uitvoering', 'afgerond', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses whose milestone still matters: a finished or dropped action gets no reminder. */
export const ACTIVE_STATUSES: readonly ActionStatus[] = ['open', 'in_uitvoering'];

/** The status an action most likely moves to next: the work's next step, or from an end, taken up again. */
const LIKELY_NEXT: Record<ActionStatus, ActionStatus> = {
  open: 'in_uitvoering',
  in_uitvoering: 'afgerond',
  afgerond: 'in_uitvoering',
  vervallen: 'in_uitvoering',
};

/**
 * The statuses an action can be moved to, the likely next one first: the form selects the first, and a note typed
 * under a list that started with "open" sent an action in progress back to open.
 */
export function statusChoices(current: ActionStatus): ActionStatus[] {
  const next = LIKELY_NEXT[current];
  return [next, ...ACTION_STATUSES.filter((s) => s !== current && s !== next)];
}

export const TEXT_LIMIT = 5000;
export const NOTE_LIMIT = 2000;

/** The register's number of the `sequence`th action of a month: 2015-03-001. */
export function actionNumber(month: string, sequence: number): string {
  return `${month}-${String(sequence).padStart(3, '0')}`;
}

/** The sequence of a number within its month (2015-03-012 → 12), or 0 for anything else. */
export function sequenceOf(number: string, month: string): number {
  const match = /^(\d{4}-\d{2})-(\d{3,})$/.exec(number);
  return match && match[1] === month ? Number(match[2]) : 0;
}

export interface ActionText {
  omschrijving: string;
  analyse: string;
  actie: string;
  mijlpaal: string | null;
}

export type ActionField = keyof ActionText;

/** Field → locale keys of its problems; empty when the action may be stored. */
export function actionTextProblems(input: ActionText): Partial<Record<ActionField, string[]>> {
  const problems: Partial<Record<ActionField, string[]>> = {};
  for (const field of ['omschrijving', 'analyse', 'actie'] as const) {
    const value = input[field];
    if (!value.trim()) problems[field] = ['action.problem.required'];
    else if (value.length > TEXT_LIMIT) problems[field] = ['action.problem.tooLong'];
  }
  if (input.mijlpaal !== null && !isCalendarDate(input.mijlpaal)) problems.mijlpaal = ['action.problem.date'];
  return problems;
}

/** Whether the holders should hear of the milestone today (`today` a Dutch calendar day): from `days` before it up to the day itself. */
export function isMilestoneReminderDue(
  action: { status: ActionStatus; mijlpaal: string | null; remindedMijlpaal: string | null },
  today: string,
  days: number,
): boolean {
  if (!action.mijlpaal || !ACTIVE_STATUSES.includes(action.status)) return false;
  if (action.remindedMijlpaal === action.mijlpaal) return false;
  return today <= action.mijlpaal && addDays(action.mijlpaal, -days) <= today;
}

/** A calendar day moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
