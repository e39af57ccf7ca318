import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { StudiesModule } from '../studies/studies.module';
import { SurveysModule } from '../surveys/surveys.module';
import { RespondentImportService } from './respondent-import.service';
import { RespondentRepository } from './respondent.repository';
import { RespondentsController } from './respondents.controller';
import { RespondentsPagesController } from './respondents.pages.controller';
import { RespondentsService } from './respondents.service';
import { ScreenerIntakeService } from './screener-intake.service';
import { IMPORT_LIMITS, ImportLimits } from './import-limits';
import { importRawBody } from './uploaded-file';

@Module({
  imports: [
    StudiesModule,
    SurveysModule,
    HomeworkModule,
    GroupsModule,
    // One file per upload, no bigger than IMPORT_MAX_BYTES: multer stops reading past it.
    MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: ResolvedConfig) => ({ limits: { fileSize: config.imports.maxBytes, files: 1, fields: 10 } }) }),
  ],
  providers: [
    RespondentRepository,
    RespondentsService,
    ScreenerIntakeService,
    RespondentImportService,
    { provide: IMPORT_LIMITS, inject: [APP_CONFIG], useFactory: (config: ResolvedConfig) => config.imports },
  ],
  controllers: [RespondentsController, RespondentsPagesController],
  exports: [RespondentsService, RespondentRepository],
})
export class RespondentsModule implements NestModule {
  constructor(@Inject(IMPORT_LIMITS) private readonly importLimits: ImportLimits) {}

  // An import may come as the file itself (text/csv, .xlsx) instead of a multipart form.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(importRawBody(this.importLimits)).forRoutes({ path: 'api/studies/:slug/respondents/import', method: RequestMethod.POST });
  }
}
