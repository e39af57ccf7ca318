import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, retryAfterSeconds } from '../common/app-error';
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

@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: LoginCookies,
  ) {}

  @Public()
  @Get()
  home(@Req() req: Request, @Res() res: Response) {
    res.redirect(req.user ? homeFor(req.user) : '/login');
  }

  @Public()
  @Get('login')
  @Render('pages/login')
  loginPage(@Query('next') next?: string) {
    return { title: 'login.title', next: safeNext(next, '') };
  }

  @PublicWithCsrf()
  @Post('login')
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res() res: Response) {
    try {
      const { token, user } = await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
      this.cookies.set(res, token);
      res.redirect(303, safeNext(dto.next, homeFor(user)));
    } catch (err) {
      if (!(err instanceof AppError) || (err.kind !== 'unauthenticated' && err.kind !== 'too_many_requests')) throw err;
      const waitSeconds = retryAfterSeconds(err);
      if (waitSeconds) res.setHeader('Retry-After', String(waitSeconds));
      const minutes = Math.ceil(waitSeconds / 60);
      res.status(err.kind === 'unauthenticated' ? 401 : 429).render('pages/login', {
        title: 'login.title',
        next: safeNext(dto.next, ''),
        email: dto.email,
        errorKey: err.kind === 'unauthenticated' ? 'login.invalid' : minutes === 1 ? 'login.throttledOneMinute' : 'login.throttled',
        minutes,
      });
    }
  }

  @Roles(...ANY_ROLE)
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response) {
    await this.auth.logout(req.sessionToken);
    this.cookies.clear(res);
    res.redirect(303, '/login');
  }

  @Roles('admin')
  @Get('users')
  @Render('pages/users')
  async usersPage(@Query() query: PageQueryDto) {
    const page = await this.auth.listUsers(query);
    const users = page.items;
    const orgs = await this.auth.organisationNames(users.flatMap((u) => (u.organisationId ? [u.organisationId] : [])));
    return {
      title: 'users.title',
      users: users.map((u) => ({ ...u, organisation: u.organisationId ? orgs.get(u.organisationId) : '' })),
      pager: pagerView('/users', {}, { ...page, count: users.length }),
      stylesheets: ['/assets/css/pager.css'],
    };
  }

  @Roles('admin')
  @Post('users')
  async createUser(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser, @Res() res: Response) {
    await this.auth.createUser(dto, actor);
    res.redirect(303, '/users');
  }
}
