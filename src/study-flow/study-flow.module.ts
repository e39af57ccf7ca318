import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { MailModule } from '../mail/mail.module';
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
import { StudyClosingService } from './study-closing.service';
import { StudySettingsController } from './study-settings.controller';
import { StudySettingsPagesController } from './study-settings.pages.controller';

/**
 * Steps of a study that span feature modules, coordinated from above them through their exported services: a
 * respondent's answer to an invitation (homework letter, reserve promotion), dissolving a group and deleting a slot
 * (both asking scheduling first), and a study's settings, whose status decides whether its mail goes out and its
 * homework links open.
 */
@Module({
  imports: [StudiesModule, MailModule, GroupsModule, SchedulingModule, HomeworkModule],
  providers: [InvitationResponsesService, GroupDissolutionService, SlotRemovalService, StudyClosingService],
  controllers: [
    InvitationPagesController,
    GroupStatusPagesController,
    GroupDissolutionController,
    SlotRemovalController,
    SlotRemovalPagesController,
    StudySettingsPagesController,
    StudySettingsController,
  ],
  exports: [InvitationResponsesService, GroupDissolutionService, SlotRemovalService],
})
export class StudyFlowModule {}
