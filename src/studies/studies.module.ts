import { Module } from '@nestjs/common';
import { DemoService } from './demo.service';
import { StudiesController } from './studies.controller';
import { StudiesPagesController } from './studies.pages.controller';
import { StudiesService } from './studies.service';
import { StudyRepository } from './study.repository';

@Module({
  providers: [StudiesService, StudyRepository, DemoService],
  controllers: [StudiesController, StudiesPagesController],
  exports: [StudiesService, StudyRepository, DemoService],
})
export class StudiesModule {}
