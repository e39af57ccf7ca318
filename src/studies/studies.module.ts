import { Module } from '@nestjs/common';
import { DemoService } from './demo.service';
import { ResearchOrganisationService } from './research-organisation.service';
import { StudyLogoController } from './study-logo.controller';
import { StudiesController } from './studies.controller';
import { StudiesPagesController } from './studies.pages.controller';
import { StudiesService } from './studies.service';
import { StudyRepository } from './study.repository';

@Module({
  providers: [StudiesService, StudyRepository, DemoService, ResearchOrganisationService],
  controllers: [StudiesController, StudiesPagesController, StudyLogoController],
  exports: [StudiesService, StudyRepository, DemoService, ResearchOrganisationService],
})
export class StudiesModule {}
