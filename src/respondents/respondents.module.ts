import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportUploadModule } from '../common/import/import-upload.module';
import { StudiesModule } from '../studies/studies.module';
import { SurveysModule } from '../surveys/surveys.module';
import { RespondentImportService } from './respondent-import.service';
import { RespondentLifecycleService } from './respondent-lifecycle.service';
import { RespondentPopulationQueryService } from './respondent-population-query.service';
import { RespondentPopulationRepository } from './respondent-population.repository';
import { RespondentQueryService } from './respondent-query.service';
import { RespondentReadsRepository } from './respondent-reads.repository';
import { RespondentRepository } from './respondent.repository';
import { RespondentsController } from './respondents.controller';
import { RespondentsPagesController } from './respondents.pages.controller';
import { RespondentsService } from './respondents.service';
import { ScreenerIntakeService } from './screener-intake.service';
import { IMPORT_LIMITS, ImportLimits } from '../common/import/import-limits';
import { importRawBody } from '../common/import/uploaded-file';
import { RESPONDENTS_ENTITIES } from './respondents.entities';

@Module({
  imports: [TypeOrmModule.forFeature(RESPONDENTS_ENTITIES), StudiesModule, SurveysModule, ImportUploadModule],
  providers: [
    RespondentRepository,
    RespondentsService,
    ScreenerIntakeService,
    RespondentImportService,
    RespondentLifecycleService,
    RespondentReadsRepository,
    RespondentQueryService,
    RespondentPopulationRepository,
    RespondentPopulationQueryService,
  ],
  controllers: [RespondentsController, RespondentsPagesController],
  exports: [RespondentsService, RespondentLifecycleService, RespondentQueryService, RespondentPopulationQueryService],
})
export class RespondentsModule implements NestModule {
  constructor(@Inject(IMPORT_LIMITS) private readonly importLimits: ImportLimits) {}

  // An import may come as the file itself (text/csv, .xlsx) instead of a multipart form.
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(importRawBody(this.importLimits))
      .forRoutes({ path: 'api/studies/:slug/respondents/import', method: RequestMethod.POST });
  }
}
