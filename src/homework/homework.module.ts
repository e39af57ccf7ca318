import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ImportUploadModule } from '../common/import/import-upload.module';
import { IMPORT_LIMITS, ImportLimits } from '../common/import/import-limits';
import { importRawBody } from '../common/import/uploaded-file';
import { GroupsModule } from '../groups/groups.module';
import { MailModule } from '../mail/mail.module';
import { RespondentsModule } from '../respondents/respondents.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StudiesModule } from '../studies/studies.module';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { HOMEWORK_OPTIONS } from '../config/homework-options';
import { HomeworkController } from './homework.controller';
import { HomeworkImportController } from './homework-import.controller';
import { HomeworkImportPagesController } from './homework-import.pages.controller';
import { HomeworkImportService } from './homework-import.service';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkPagesController } from './homework.pages.controller';
import { HomeworkQueryService } from './homework-query.service';
import { HomeworkReminderLoop } from './homework-reminder.loop';
import { HomeworkRepository } from './homework.repository';
import { HomeworkService } from './homework.service';
import { HomeworkViewsService } from './homework-views.service';
import { HOMEWORK_ENTITIES } from './homework.entities';

@Module({
  imports: [
    TypeOrmModule.forFeature(HOMEWORK_ENTITIES),
    AuthModule,
    MailModule,
    StudiesModule,
    RespondentsModule,
    GroupsModule,
    SchedulingModule,
    ImportUploadModule,
  ],
  providers: [
    HomeworkRepository,
    HomeworkLinksService,
    HomeworkService,
    HomeworkQueryService,
    HomeworkViewsService,
    HomeworkImportService,
    HomeworkReminderLoop,
    { provide: HOMEWORK_OPTIONS, inject: [APP_CONFIG], useFactory: (config: ResolvedConfig) => config.homework },
  ],
  controllers: [HomeworkController, HomeworkPagesController, HomeworkImportController, HomeworkImportPagesController],
  exports: [HomeworkService, HomeworkQueryService],
})
export class HomeworkModule implements NestModule {
  constructor(@Inject(IMPORT_LIMITS) private readonly importLimits: ImportLimits) {}

  // An import may come as the file itself (text/csv, .xlsx) instead of a multipart form.
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(importRawBody(this.importLimits))
      .forRoutes({ path: 'api/studies/:slug/homework/import', method: RequestMethod.POST });
  }
}
