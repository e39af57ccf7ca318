import { Body, Controller, Get, Post, Query, Redirect, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { retryAfterSeconds } from '../common/app-error';
import type { FormSpec } from '../common/form-refusal';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { pagerView } from '../common/pager';
import { PageQueryDto } from '../common/paging';
import { ANY_ROLE, CurrentUser, Public, PublicWithCsrf, Roles } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { LoginCookies } from './login-cookies';
import { CreateUserDto, LoginDto } from './dto/login.dto';

/** Only local paths may be a post-login destination, so the login page cannot be used to redirect elsewhere. */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;
}

export function homeFor(user: AuthUser): string {
  return user.role === 'partner' ? '/partner' : '/studies';
}

/** The new-account form; the password is never sent back into the page. */
const NEW_USER_FORM: FormSpec = {
  name: 'new-user',
  fields: {
    email: { label: 'login.email', id: 'u-email' },
    name: { label: 'users.name', id: 'u-name' },
    role: { label: 'users.role', id: 'u-role' },
    organisation: { label: 'users.organisation', id: 'u-org' },
    password: { label: 'login.password', id: 'u-password' },
  },
};

@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: LoginCookies,
  ) {}

  @Public()
  @Get()
  @Redirect()
  home(@Req() req: Request) {
    return { url: req.user ? homeFor(req.user) : '/login' };
  }

  @Public()
  @Get('login')
  @Render('pages/login')
  loginPage(@Query('next') next?: string) {
    return { title: 'login.title', next: safeNext(next, '') };
  }

  /** A refused login shows the form again with the address typed: wrong password or address (401), or wait (429). */
  @PublicWithCsrf()
  @Post('login')
  @PageAction()
  @OnRefusal({
    view: 'pages/login',
    kinds: ['invalid', 'unauthenticated', 'too_many_requests'],
    model: (_c, req, err) => {
      const body = (req.body ?? {}) as { email?: unknown; next?: unknown };
      const minutes = Math.ceil(retryAfterSeconds(err) / 60);
      return {
        title: 'login.title',
        next: safeNext(body.next, ''),
        email: typeof body.email === 'string' ? body.email : '',
        errorKey:
          err.kind !== 'too_many_requests'
            ? 'login.invalid'
            : minutes === 1
              ? 'login.throttledOneMinute'
              : 'login.throttled',
        minutes,
      };
    },
  })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, user } = await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
    this.cookies.set(res, token);
    return seeOther(safeNext(dto.next, homeFor(user)));
  }

  @Roles(...ANY_ROLE)
  @Post('logout')
  @PageAction()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(req.sessionToken);
    this.cookies.clear(res);
    return seeOther('/login');
  }

  @Roles('admin')
  @Get('users')
  @Render('pages/users')
  usersPage(@Query() query: PageQueryDto) {
    return this.usersModel(query);
  }

  async usersModel(query: PageQueryDto) {
    const page = await this.auth.listUsers(query);
    const users = page.items;
    const orgs = await this.auth.organisationNames(users.flatMap((u) => (u.organisationId ? [u.organisationId] : [])));
    return {
      title: 'users.title',
      users: users.map((u) => ({ ...u, organisation: u.organisationId ? orgs.get(u.organisationId) : '' })),
      pager: pagerView('/users', {}, { ...page, count: users.length }),
      stylesheets: ['/assets/css/pager.css', '/assets/css/forms.css'],
    };
  }

  @Roles('admin')
  @Post('users')
  @PageAction()
  @OnRefusal<AuthPagesController>({
    view: 'pages/users',
    model: (c) => c.usersModel(new PageQueryDto()),
    form: NEW_USER_FORM,
  })
  async createUser(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser) {
    const user = await this.auth.createUser(dto, actor);
    return seeOther('/users', 'users.done.created', { email: user.email });
  }
}
