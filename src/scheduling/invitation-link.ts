// When a respondent's invitation link stops working, whatever its status. Pure.

/** Why the link answers 410, or null while it works. */
export type InvitationLinkClosed = 'study_closed' | 'erased' | null;

export function invitationLinkClosed(
  study: { status: string },
  respondent: { status: string; erasedAt: Date | null } | null,
): InvitationLinkClosed {
  // Erasure first: an erased person is told that, not something about the study.
  if (!respondent || respondent.status === 'erased' || respondent.erasedAt) return 'erased';
  if (study.status === 'closed') return 'study_closed';
  return null;
}

/** A closed study sends nothing and moves nobody up: its invitations, updates and promotions stop. */
export function isClosedStudy(study: { status: string }): boolean {
  return study.status === 'closed';
}
