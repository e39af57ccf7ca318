import { Module } from '@nestjs/common';
import { HomeworkModule } from '../homework/homework.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { InvitationPagesController } from './invitation.pages.controller';
import { InvitationResponsesService } from './invitation-responses.service';

/** Steps of a study that span feature modules, coordinated from above them: a respondent's answer to an invitation. */
@Module({
  imports: [SchedulingModule, HomeworkModule],
  providers: [InvitationResponsesService],
  controllers: [InvitationPagesController],
  exports: [InvitationResponsesService],
})
export class StudyFlowModule {}
