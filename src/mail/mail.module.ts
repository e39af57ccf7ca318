import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { MailController } from './mail.controller';
import { MailPagesController } from './mail.pages.controller';
import { createMailTransport, MAIL_TRANSPORT } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox.worker';
import { MAIL_ENTITIES } from './mail.entities';

@Module({
  imports: [TypeOrmModule.forFeature(MAIL_ENTITIES)],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxWorker,
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: ResolvedConfig) => createMailTransport(config),
    },
  ],
  controllers: [MailController, MailPagesController],
  exports: [OutboxService, OutboxWorker],
})
export class MailModule {}
