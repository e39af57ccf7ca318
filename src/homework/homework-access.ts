// Who may read a group's homework, and who may see the private link and code in a printed letter. Pure.
import type { Role } from '../auth/auth-user';

export interface Reader {
  id: number;
  role: Role;
}

export interface GroupModerators {
  leadModeratorId: number;
  noteModeratorId: number;
}

/**
 * The members' answers (preparation view, print, PDF, paper entry) are for the moderators of the group's session,
 * who prepare with them, and for admins. Other researchers see the status of the homework, not its content.
 */
export function mayReadGroupHomework(reader: Reader, session: GroupModerators | null): boolean {
  if (reader.role === 'admin') return true;
  return (
    reader.role === 'researcher' &&
    !!session &&
    (session.leadModeratorId === reader.id || session.noteModeratorId === reader.id)
  );
}

/**
 * The working link and code open the respondent's answers without a login: only admins, who post (re)printed
 * letters, see them on a print. A moderator's print shows where they go instead.
 */
export function maySeeLetterCredentials(reader: Reader): boolean {
  return reader.role === 'admin';
}
