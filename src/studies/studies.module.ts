import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResearchOrganisationService } from './research-organisation.service';
import { StudyLogoController } from './study-logo.controller';
import { StudiesController } from './studies.controller';
import { StudiesPagesController } from './studies.pages.controller';
import { StudiesService } from './studies.service';
import { SlotUsageService } from './slot-usage.service';
import { StudyRepository } from './study.repository';
import { STUDIES_ENTITIES } from './studies.entities';

@Module({
  imports: [TypeOrmModule.forFeature(STUDIES_ENTITIES)],
  providers: [StudiesService, StudyRepository, ResearchOrganisationService, SlotUsageService],
  controllers: [StudiesController, StudiesPagesController, StudyLogoController],
  exports: [StudiesService, StudyRepository, ResearchOrganisationService, SlotUsageService],
})
export class StudiesModule {}
