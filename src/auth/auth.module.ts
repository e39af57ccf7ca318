import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthPagesController } from './auth.pages.controller';
import { AuthService } from './auth.service';
import { LoginCookies } from './login-cookies';
import { LoginThrottleRepository } from './login-throttle.repository';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimitService } from './rate-limit.service';
import { UserQueryService } from './user-query.service';
import { UserRepository } from './user.repository';
import { AUTH_ENTITIES } from './auth.entities';

@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
  providers: [
    AuthService,
    UserRepository,
    UserQueryService,
    LoginThrottleRepository,
    LoginCookies,
    RateLimitRepository,
    RateLimitService,
    // In this order: who may use a route first, then how often.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  controllers: [AuthController, AuthPagesController],
  exports: [AuthService, RateLimitService, UserQueryService],
})
export class AuthModule {}
