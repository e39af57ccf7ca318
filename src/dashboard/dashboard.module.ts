import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { MailModule } from '../mail/mail.module';
import { RespondentsModule } from '../respondents/respondents.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StudiesModule } from '../studies/studies.module';
import { DashboardPagesController } from './dashboard.pages.controller';
import { DashboardService } from './dashboard.service';
import { RespondentFilePagesController } from './respondent-file.pages.controller';
import { RespondentFileService } from './respondent-file.service';

/** The study pipeline view and the page per respondent: above every module whose steps they read and move on. */
@Module({
  imports: [AuthModule, MailModule, StudiesModule, RespondentsModule, GroupsModule, SchedulingModule, HomeworkModule],
  providers: [DashboardService, RespondentFileService],
  controllers: [DashboardPagesController, RespondentFilePagesController],
})
export class DashboardModule {}
