import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthPagesController } from './auth.pages.controller';
import { AuthService } from './auth.service';
import { LoginCookies } from './login-cookies';
import { LoginThrottleRepository } from './login-throttle.repository';
import { UserRepository } from './user.repository';

@Module({
  providers: [AuthService, UserRepository, LoginThrottleRepository, LoginCookies, { provide: APP_GUARD, useClass: AuthGuard }],
  controllers: [AuthController, AuthPagesController],
  exports: [AuthService, UserRepository],
})
export class AuthModule {}
