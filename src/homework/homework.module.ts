import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { StudiesModule } from '../studies/studies.module';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { HOMEWORK_OPTIONS } from './homework-options';
import { HomeworkController } from './homework.controller';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkPagesController } from './homework.pages.controller';
import { HomeworkReminderLoop } from './homework-reminder.loop';
import { HomeworkRepository } from './homework.repository';
import { HomeworkService } from './homework.service';
import { HomeworkViewsService } from './homework-views.service';
import { HOMEWORK_ENTITIES } from './homework.entities';

@Module({
  imports: [TypeOrmModule.forFeature(HOMEWORK_ENTITIES), AuthModule, MailModule, StudiesModule],
  providers: [
    HomeworkRepository,
    HomeworkLinksService,
    HomeworkService,
    HomeworkViewsService,
    HomeworkReminderLoop,
    { provide: HOMEWORK_OPTIONS, inject: [APP_CONFIG], useFactory: (config: ResolvedConfig) => config.homework },
  ],
  controllers: [HomeworkController, HomeworkPagesController],
  exports: [HomeworkService],
})
export class HomeworkModule {}
