import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StudiesModule } from '../studies/studies.module';
import { GroupDissolutionController } from './group-dissolution.controller';
import { GroupDissolutionService } from './group-dissolution.service';
import { GroupStatusPagesController } from './group-status.pages.controller';
import { InvitationPagesController } from './invitation.pages.controller';
import { InvitationResponsesService } from './invitation-responses.service';
import { SlotRemovalController } from './slot-removal.controller';
import { SlotRemovalPagesController } from './slot-removal.pages.controller';
import { SlotRemovalService } from './slot-removal.service';

/**
 * Steps of a study that span feature modules, coordinated from above them through their exported services: a
 * respondent's answer to an invitation (homework letter, reserve promotion), dissolving a group and deleting a slot
 * (both asking scheduling first).
 */
@Module({
  imports: [StudiesModule, GroupsModule, SchedulingModule, HomeworkModule],
  providers: [InvitationResponsesService, GroupDissolutionService, SlotRemovalService],
  controllers: [
    InvitationPagesController,
    GroupStatusPagesController,
    GroupDissolutionController,
    SlotRemovalController,
    SlotRemovalPagesController,
  ],
  exports: [InvitationResponsesService, GroupDissolutionService, SlotRemovalService],
})
export class StudyFlowModule {}
