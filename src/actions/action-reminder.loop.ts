import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { ActionsService } from './actions.service';

/**
 * Sends due milestone reminders periodically in the app process. It runs where the outbox worker runs (MAIL_WORKER),
 * so CLI commands and tests never send on their own; several instances are safe (one claim per milestone date).
 */
@Injectable()
export class ActionReminderLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ActionReminderLoop.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly actions: ActionsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.mailWorker) return;
    const tick = async () => {
      try {
        await this.actions.sendMilestoneReminders();
      } catch (err) {
        this.logger.error({ msg: 'action reminders failed', err: err instanceof Error ? err.message : String(err) });
      }
      this.timer = setTimeout(() => void tick(), this.config.actions.reminderIntervalMinutes * 60_000).unref();
    };
    this.timer = setTimeout(() => void tick(), 15_000).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
