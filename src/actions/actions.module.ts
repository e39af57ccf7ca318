import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CodingModule } from '../coding/coding.module';
import { MailModule } from '../mail/mail.module';
import { StudiesModule } from '../studies/studies.module';
import { ActionReminderLoop } from './action-reminder.loop';
import { ActionRepository } from './action.repository';
import { ACTIONS_ENTITIES } from './actions.entities';
import { ActionsController } from './actions.controller';
import { ActionsPagesController } from './actions.pages.controller';
import { ActionsService } from './actions.service';

/** The action register: what each partner organisation changes because of the analysis, and its measured effect. */
@Module({
  imports: [TypeOrmModule.forFeature(ACTIONS_ENTITIES), AuthModule, MailModule, StudiesModule, CodingModule],
  providers: [ActionRepository, ActionsService, ActionReminderLoop],
  controllers: [ActionsController, ActionsPagesController],
  exports: [ActionsService],
})
export class ActionsModule {}
