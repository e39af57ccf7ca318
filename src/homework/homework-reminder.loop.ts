import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { HOMEWORK_OPTIONS, HomeworkOptions } from '../config/homework-options';
import { HomeworkService } from './homework.service';

/**
 * Sends due reminders periodically in the app process. It runs where the outbox worker runs (MAIL_WORKER), so
 * CLI commands and tests never send on their own; several instances are safe (one claim per assignment).
 */
@Injectable()
export class HomeworkReminderLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HomeworkReminderLoop.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly homework: HomeworkService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    @Inject(HOMEWORK_OPTIONS) private readonly options: HomeworkOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.mailWorker) return;
    const tick = async () => {
      try {
        await this.homework.sendReminders();
      } catch (err) {
        this.logger.error({ msg: 'homework reminders failed', err: err instanceof Error ? err.message : String(err) });
      }
      this.timer = setTimeout(() => void tick(), this.options.reminderIntervalMinutes * 60_000).unref();
    };
    this.timer = setTimeout(() => void tick(), 10_000).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
