import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { PageQueryDto } from '../common/paging';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ANY_ROLE, CurrentUser, Public, PublicWithCsrf, Roles } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { LoginCookies } from './login-cookies';
import { CreateUserDto, LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: LoginCookies,
  ) {}

  /** A token for the x-csrf-token header of later state-changing calls (bound to the login session, if any). */
  @Public()
  @Get('auth/csrf')
  csrf(@Res({ passthrough: true }) res: Response) {
    return { csrfToken: res.locals.csrfToken as string };
  }

  @PublicWithCsrf()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, user } = await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
    // The token bound to the new session: the one fetched before login no longer works.
    return { user, csrfToken: this.cookies.set(res, token) };
  }

  @Roles(...ANY_ROLE)
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(req.sessionToken);
    this.cookies.clear(res);
  }

  @Roles(...ANY_ROLE)
  @Get('auth/me')
  me(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return { user, csrfToken: res.locals.csrfToken as string };
  }

  @Roles('admin')
  @Get('users')
  users(@Query() page: PageQueryDto) {
    return this.auth.listUsers(page);
  }

  @Roles('admin')
  @Post('users')
  createUser(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser) {
    return this.auth.createUser(dto, actor);
  }
}
