import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StudiesModule } from '../studies/studies.module';
import { DashboardPagesController } from './dashboard.pages.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { RespondentFilePagesController } from './respondent-file.pages.controller';
import { RespondentFileRepository } from './respondent-file.repository';
import { RespondentFileService } from './respondent-file.service';

/** The study pipeline view and the page per respondent: above every module whose steps they read and move on. */
@Module({
  imports: [StudiesModule, GroupsModule, SchedulingModule, HomeworkModule],
  providers: [DashboardRepository, DashboardService, RespondentFileRepository, RespondentFileService],
  controllers: [DashboardPagesController, RespondentFilePagesController],
})
export class DashboardModule {}
