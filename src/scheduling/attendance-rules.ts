// Marking who came to a session: when it may be done, and what each mark does to a respondent's status.
// Pure: no framework imports.
import type { RespondentStatus } from '../common/domain';

export interface AttendanceRequest {
  present: number[];
  absent: number[];
}

export interface AttendanceContext {
  studyStatus: string;
  sessionStatus: string;
  startsAt: Date;
  now: Date;
  /** The group's members now (role member). */
  memberIds: number[];
  /** Those of them invited to this session (`invitedMemberIds`): only they can have come. */
  invitedIds: number[];
}

export type AttendanceProblem =
  | { code: 'attendance.study_closed' }
  | { code: 'attendance.session_cancelled' }
  | { code: 'attendance.not_held'; startsAt: Date }
  | { code: 'attendance.empty' }
  | { code: 'attendance.in_both'; respondentIds: number[] }
  | { code: 'attendance.not_members'; respondentIds: number[] }
  | { code: 'attendance.not_invited'; respondentIds: number[] };

/** The first reason the marks cannot be taken, or null. A session can be marked from the moment it starts. */
export function attendanceProblem(request: AttendanceRequest, ctx: AttendanceContext): AttendanceProblem | null {
  if (ctx.studyStatus === 'closed') return { code: 'attendance.study_closed' };
  if (ctx.sessionStatus === 'cancelled') return { code: 'attendance.session_cancelled' };
  if (ctx.now.getTime() < ctx.startsAt.getTime()) return { code: 'attendance.not_held', startsAt: ctx.startsAt };
  if (!request.present.length && !request.absent.length) return { code: 'attendance.empty' };
  const absent = new Set(request.absent);
  const both = [...new Set(request.present.filter((id) => absent.has(id)))];
  if (both.length) return { code: 'attendance.in_both', respondentIds: both };
  const members = new Set(ctx.memberIds);
  const strangers = [...new Set([...request.present, ...request.absent].filter((id) => !members.has(id)))];
  if (strangers.length) return { code: 'attendance.not_members', respondentIds: strangers };
  // Absent stays open to them: it is true, and it undoes a "present" given before they were told apart.
  const invited = new Set(ctx.invitedIds);
  const uninvited = [...new Set(request.present.filter((id) => !invited.has(id)))];
  if (uninvited.length) return { code: 'attendance.not_invited', respondentIds: uninvited };
  return null;
}

/**
 * The members invited to a session: those with an open or accepted invitation to it, and, once its invitations went
 * out, those without an e-mail address, whom the invitations left to the researchers to invite by phone or letter.
 * A member put in the group after that by hand, or whose invitation was cancelled, was never told of this session.
 */
export function invitedMemberIds(
  members: readonly { id: number; email: string | null }[],
  invitations: readonly { respondentId: number; status: string }[],
  invitationsSent: boolean,
): number[] {
  const live = new Set(
    invitations.filter((i) => i.status === 'sent' || i.status === 'confirmed').map((i) => i.respondentId),
  );
  return members.filter((m) => live.has(m.id) || (invitationsSent && !m.email)).map((m) => m.id);
}

/** Statuses from which someone who came becomes a participant (a member invited by phone is still `grouped`). */
export const CAN_PARTICIPATE: readonly RespondentStatus[] = ['grouped', 'invited', 'confirmed'];

export interface Mark {
  present: boolean;
  statusBefore: RespondentStatus;
}

/**
 * What marking one member does: the mark to store and the status they end with. Present makes them a participant;
 * absent is a no-show that leaves their status as it was before any mark (so a wrong "present" can be undone).
 */
export function applyMark(
  current: RespondentStatus,
  previous: Mark | null,
  present: boolean,
): { mark: Mark; status: RespondentStatus } {
  const statusBefore = previous?.statusBefore ?? current;
  if (present)
    return {
      mark: { present, statusBefore },
      status: CAN_PARTICIPATE.includes(statusBefore) || current === 'participated' ? 'participated' : current,
    };
  return { mark: { present, statusBefore }, status: current === 'participated' ? statusBefore : current };
}

/** English for the API and the command line; pages word the same codes from the locale files. */
export function attendanceMessage(problem: AttendanceProblem): string {
  switch (problem.code) {
    case 'attendance.study_closed':
      return 'This study is closed: attendance can no longer be changed.';
    case 'attendance.session_cancelled':
      return 'This session was cancelled, so nobody can be marked present or absent.';
    case 'attendance.not_held':
      return `This session has not started yet (${problem.startsAt.toISOString()}). Mark attendance once it has taken place.`;
    case 'attendance.empty':
      return 'Mark at least one member present or absent.';
    case 'attendance.in_both':
      return `Respondent ${problem.respondentIds.join(', ')} cannot be both present and absent. Choose one.`;
    case 'attendance.not_members':
      return `Respondent ${problem.respondentIds.join(', ')} is not a member of this group. Only the group's members can be marked.`;
    case 'attendance.not_invited':
      return `Respondent ${problem.respondentIds.join(', ')} was never invited to this session, so cannot be marked present.`;
  }
}
