import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import express from 'express';
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
import { RAW_IMPORT_TYPES } from './uploaded-file';
import { MAX_IMPORT_BYTES } from './respondent-import.service';

@Module({
  imports: [StudiesModule, SurveysModule, HomeworkModule, GroupsModule],
  providers: [RespondentRepository, RespondentsService, ScreenerIntakeService, RespondentImportService],
  controllers: [RespondentsController, RespondentsPagesController],
  exports: [RespondentsService, RespondentRepository],
})
export class RespondentsModule implements NestModule {
  // An import may come as the file itself (text/csv, .xlsx) instead of a multipart form.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(express.raw({ type: RAW_IMPORT_TYPES, limit: MAX_IMPORT_BYTES })).forRoutes({ path: 'api/studies/:slug/respondents/import', method: RequestMethod.POST });
  }
}
