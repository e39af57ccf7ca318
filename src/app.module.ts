import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ActionsModule } from './actions/actions.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CodingModule } from './coding/coding.module';
import { AppErrorFilter } from './common/app-error.filter';
import { PageAnswerInterceptor } from './common/page-answer.interceptor';
import { ConfigModule, ResolvedConfig } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DemoModule } from './demo/demo.module';
import { PrivacyModule } from './privacy/privacy.module';
import { DatabaseModule } from './database/database.module';
import { GroupsModule } from './groups/groups.module';
import { HomeworkModule } from './homework/homework.module';
import { HealthModule } from './health/health.module';
import { JourneysModule } from './journeys/journeys.module';
import { loggerOptions } from './logger-options';
import { MailModule } from './mail/mail.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { RespondentsModule } from './respondents/respondents.module';
import { OverviewsModule } from './overviews/overviews.module';
import { StudiesModule } from './studies/studies.module';
import { StudyFlowModule } from './study-flow/study-flow.module';
import { SurveysModule } from './surveys/surveys.module';

/** Feature modules; later features add theirs here. */
export const FEATURE_MODULES = [
  AuthModule,
  AuditModule,
  StudiesModule,
  HealthModule,
  SurveysModule,
  RespondentsModule,
  OverviewsModule,
  MailModule,
  GroupsModule,
  SchedulingModule,
  HomeworkModule,
  CodingModule,
  JourneysModule,
  DashboardModule,
  DemoModule,
  PrivacyModule,
  StudyFlowModule,
  // After the dashboard, whose bulk pages (/studies/:slug/actions/:action) the register's pages must not shadow.
  ActionsModule,
];

@Module({})
export class AppModule {
  static forConfig(config: ResolvedConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AppErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: PageAnswerInterceptor },
      ],
    };
  }
}
