import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StudiesModule } from '../studies/studies.module';
import { SurveyDefinitionRepository } from './survey-definition.repository';
import { SurveysController } from './surveys.controller';
import { SurveysPagesController } from './surveys.pages.controller';
import { SurveysService } from './surveys.service';
import { SURVEYS_ENTITIES } from './surveys.entities';

@Module({
  imports: [TypeOrmModule.forFeature(SURVEYS_ENTITIES), StudiesModule],
  providers: [SurveysService, SurveyDefinitionRepository],
  controllers: [SurveysController, SurveysPagesController],
  exports: [SurveysService],
})
export class SurveysModule {}
