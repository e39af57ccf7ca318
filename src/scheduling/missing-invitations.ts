// Who a session's "invite missing" would e-mail now: someone put in the group by hand after its invitations went out
// gets none by themselves. Pure: no framework imports.
import { hasBegun } from './session-begun';

const LIVE = ['sent', 'confirmed'];

/**
 * The members (not erased: the caller leaves those out) of a session whose invitations went out and which has not
 * begun, who hold no open or accepted invitation to it and have an e-mail address. Those without one were left to
 * be invited by phone or letter when the invitations went out, and the attendance counts them as invited.
 */
export function membersMissingInvitation<M extends { id: number; email: string | null }>(
  session: { invitedAt: Date | null; startsAt: Date },
  members: readonly M[],
  invitationStatus: (respondentId: number) => string | null | undefined,
  now: Date,
): M[] {
  if (!session.invitedAt || hasBegun(session, now)) return [];
  return members.filter((m) => !!m.email && !LIVE.includes(invitationStatus(m.id) ?? ''));
}
