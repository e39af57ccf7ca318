import { ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import type { Role } from './user.entity';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'kwadrant:public';
export const CSRF_ONLY_KEY = 'kwadrant:csrf-only';
export const ROLES_KEY = 'kwadrant:roles';

/** Open to anyone (respondents, health). Everything else needs a login: deny by default. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Open to anyone, but a form post must carry the CSRF token (the login form: prevents login CSRF). */
export const PublicWithCsrf = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(CSRF_ONLY_KEY, true));

/** Who may call a route. Without it, a logged-in route is for researchers and admins only. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const ANY_ROLE: Role[] = ['admin', 'researcher', 'partner'];

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | undefined =>
    ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user,
);
