import { Module } from '@nestjs/common';
import { StudiesModule } from '../studies/studies.module';
import { SurveyDefinitionRepository } from './survey-definition.repository';
import { SurveysController } from './surveys.controller';
import { SurveysPagesController } from './surveys.pages.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [StudiesModule],
  providers: [SurveysService, SurveyDefinitionRepository],
  controllers: [SurveysController, SurveysPagesController],
  exports: [SurveysService],
})
export class SurveysModule {}
