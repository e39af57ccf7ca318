import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { MailModule } from '../mail/mail.module';
import { RespondentsModule } from '../respondents/respondents.module';
import { StudiesModule } from '../studies/studies.module';
import { AttendanceController } from './attendance.controller';
import { AttendancePagesController } from './attendance.pages.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { CalendarFeedController } from './calendar-feed.controller';
import { InvitationMailer } from './invitation-mailer';
import { InvitationsService } from './invitations.service';
import { ModeratorRepository } from './moderator.repository';
import { ModeratorsService } from './moderators.service';
import { ScheduleLoader } from './schedule-loader';
import { SchedulingController } from './scheduling.controller';
import { SchedulingPagesController } from './scheduling.pages.controller';
import { SchedulingQueryService } from './scheduling-query.service';
import { SchedulingService } from './scheduling.service';
import { SessionRepository } from './session.repository';
import { SCHEDULING_ENTITIES } from './scheduling.entities';

@Module({
  imports: [
    TypeOrmModule.forFeature(SCHEDULING_ENTITIES),
    AuthModule,
    StudiesModule,
    RespondentsModule,
    MailModule,
    GroupsModule,
  ],
  providers: [
    SessionRepository,
    ModeratorRepository,
    AttendanceRepository,
    AttendanceService,
    ScheduleLoader,
    InvitationMailer,
    InvitationsService,
    SchedulingService,
    ModeratorsService,
    SchedulingQueryService,
  ],
  controllers: [
    SchedulingController,
    SchedulingPagesController,
    CalendarFeedController,
    AttendanceController,
    AttendancePagesController,
  ],
  exports: [InvitationsService, SchedulingService, AttendanceService, SchedulingQueryService],
})
export class SchedulingModule {}
