// The respondent's way through a study: why a status may change, and from which statuses. The respondents module is
// the one writer of the status; other modules say why a respondent moves and this table decides who actually does.
import type { RespondentStatus } from '../common/domain';

interface LifecycleMove {
  /** Only respondents now in one of these move; anyone further along (or erased) is left alone. */
  from: readonly RespondentStatus[];
  /** The statuses this reason may lead to. */
  to: readonly RespondentStatus[];
}

/** Everyone who still takes part: attendance may be marked (and corrected) for any of them. */
const TAKING_PART: readonly RespondentStatus[] = [
  'eligible',
  'grouped',
  'invited',
  'confirmed',
  'declined',
  'participated',
];

export const LIFECYCLE_MOVES = {
  /** Placed in a group as a member (also a reserve who takes a freed place). */
  'placed-in-group': { from: ['eligible'], to: ['grouped'] },
  /** Left a group, or the group was dissolved or replaced. */
  'left-group': { from: ['grouped'], to: ['eligible'] },
  /** Sent an invitation to the group's session. */
  invited: { from: ['eligible', 'grouped'], to: ['invited'] },
  /** The session changed after they confirmed: they are asked again. */
  'invitation-changed': { from: ['confirmed'], to: ['invited'] },
  confirmed: { from: ['invited', 'grouped'], to: ['confirmed'] },
  declined: { from: ['invited', 'confirmed', 'grouped'], to: ['declined'] },
  /** The session was cancelled: they stay in their group, uninvited. */
  'session-cancelled': { from: ['invited', 'confirmed'], to: ['grouped'] },
  /** Marked present makes a participant; a corrected mark gives back the status from before. */
  'attendance-marked': { from: TAKING_PART, to: TAKING_PART },
} as const satisfies Record<string, LifecycleMove>;

export type LifecycleReason = keyof typeof LIFECYCLE_MOVES;

/** The statuses respondents may move to `to` from for this reason; a reason that cannot lead to `to` is a bug. */
export function movableFrom(reason: LifecycleReason, to: RespondentStatus): readonly RespondentStatus[] {
  const move: LifecycleMove = LIFECYCLE_MOVES[reason];
  if (!move.to.includes(to)) throw new Error(`A respondent cannot become ${to} because of ${reason}.`);
  return move.from.filter((status) => status !== to);
}
