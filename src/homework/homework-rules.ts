// What a respondent may do with their homework and how researchers see its state. Pure: the clock is passed in.
import { isPastDeadline } from '../studies/homework-deadline';

export const HOMEWORK_STATUSES = ['not-started', 'draft', 'submitted', 'late', 'paper', 'imported'] as const;
export type HomeworkStatus = (typeof HOMEWORK_STATUSES)[number];

export interface HomeworkState {
  deadline: Date;
  revision: number;
  submittedAt: Date | null;
  late: boolean;
  enteredFromPaper: boolean;
  answerSource?: string | null;
}

export function homeworkStatus(a: HomeworkState): HomeworkStatus {
  if (a.submittedAt && a.answerSource === 'import') return 'imported';
  if (a.submittedAt && a.enteredFromPaper) return 'paper';
  if (a.submittedAt) return a.late ? 'late' : 'submitted';
  return a.revision > 0 ? 'draft' : 'not-started';
}

/**
 * Answers can be changed until the deadline; after it, whoever has not sent anything yet may still do so
 * (accepted and flagged late), but a sent homework is final: the moderators are preparing with it.
 */
export function canEdit(a: HomeworkState, now: Date): boolean {
  return !a.submittedAt || !isPastDeadline(a.deadline, now);
}

export function isLateSubmission(deadline: Date, now: Date): boolean {
  return isPastDeadline(deadline, now);
}

/** Why a link no longer opens, or null when it does. */
export type LinkClosedReason = 'study-closed' | 'erased' | null;

/**
 * What homework itself records about a link: erasing the respondent sets erasedAt on the assignment, closing the
 * study records it as closed for homework (both from the orchestrators above, which tell homework when they happen).
 */
export interface LinkState {
  erasedAt: Date | null;
  studyClosed: boolean;
}

export function linkClosedReason(link: LinkState): LinkClosedReason {
  if (link.erasedAt) return 'erased';
  if (link.studyClosed) return 'study-closed';
  return null;
}
