import { Global, Module } from '@nestjs/common';
import { STUDY_DIRECTORY } from '../common/study-directory';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResearchOrganisationService } from './research-organisation.service';
import { StudyLogoController } from './study-logo.controller';
import { StudiesController } from './studies.controller';
import { StudiesPagesController } from './studies.pages.controller';
import { SlotDeleterService } from './slot-deleter.service';
import { StudiesService } from './studies.service';
import { StudyDirectoryService } from './study-directory.service';
import { StudyQueryService } from './study-query.service';
import { StudySettingsService } from './study-settings.service';
import { StudyRepository } from './study.repository';
import { STUDIES_ENTITIES } from './studies.entities';

// Global only for STUDY_DIRECTORY: audit, auth and mail lie below studies and cannot import this module.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(STUDIES_ENTITIES)],
  providers: [
    StudiesService,
    StudyRepository,
    ResearchOrganisationService,
    StudyQueryService,
    StudySettingsService,
    SlotDeleterService,
    { provide: STUDY_DIRECTORY, useClass: StudyDirectoryService },
  ],
  controllers: [StudiesController, StudiesPagesController, StudyLogoController],
  exports: [
    StudiesService,
    StudyQueryService,
    StudySettingsService,
    SlotDeleterService,
    ResearchOrganisationService,
    STUDY_DIRECTORY,
  ],
})
export class StudiesModule {}
