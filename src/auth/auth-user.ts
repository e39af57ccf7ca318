import type { Role } from './user.entity';

export type { Role };

/** What the rest of the application knows about the logged-in person. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
}

/** An account as other modules read it (UserQueryService): never the password hash. */
export interface UserAccount extends Readonly<AuthUser> {
  readonly active: boolean;
}

export const STAFF_ROLES: Role[] = ['admin', 'researcher'];
