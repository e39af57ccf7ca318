import { randomBytes } from 'crypto';
import { hostname } from 'os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { OutboxMessage } from './outbox-message.entity';
import { afterFailure, CANCELLED_STUDY_CLOSED, classifySendError, LEASE_MS } from './outbox-policy';
import { OutboxRepository } from './outbox.repository';

export interface PassResult {
  sent: number;
  retryLater: number;
  failed: number;
  unknown: number;
  /** claims of stopped workers that this pass turned into "unknown" */
  expiredLeases: number;
  /** waiting messages of closed studies, cancelled instead of sent */
  cancelled: number;
}

/** How often the loop looks for due messages. */
export const POLL_INTERVAL_MS = 5_000;
/** At most this many messages per pass, so one pass never holds the loop for long. */
const PASS_LIMIT = 200;

/**
 * Sends the outbox: claim one due message (a lease in the database), hand it to the transport, record the
 * outcome. Several workers (app instances) can run against one database; each message is claimed by one.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly workerId = `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  /** Replaceable in tests (the only thing they fake is time). */
  clock: () => Date = () => new Date();
  private readonly logger = new Logger(OutboxWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassResult> | undefined;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mailWorker) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  start(intervalMs = POLL_INTERVAL_MS): void {
    this.stopped = false;
    // `tick` handles its own failures, so the timer callbacks may drop its promise.
    const schedule = (delayMs: number) => {
      this.timer = setTimeout(() => void tick(), delayMs).unref();
    };
    const tick = async () => {
      try {
        const result = await this.runOnce();
        if (result.sent || result.failed || result.unknown || result.retryLater || result.cancelled)
          this.logger.log({ msg: 'outbox pass', ...result });
      } catch (err) {
        this.logger.error({ msg: 'outbox pass failed', err: err instanceof Error ? err.message : String(err) });
      }
      if (!this.stopped) schedule(intervalMs);
    };
    schedule(0);
    this.logger.log(`outbox worker ${this.workerId} sends through ${this.transport.description}`);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One pass: expire dead claims, then send every due message (up to a limit). Passes of one worker never overlap. */
  runOnce(): Promise<PassResult> {
    if (!this.running) this.running = this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<PassResult> {
    const expiredLeases = await this.outbox.expireLeases(this.clock());
    const cancelled = await this.outbox.cancelHeldStudies(CANCELLED_STUDY_CLOSED);
    const result: PassResult = { sent: 0, retryLater: 0, failed: 0, unknown: 0, expiredLeases, cancelled };
    for (let i = 0; i < PASS_LIMIT && !this.stopped; i++) {
      const now = this.clock();
      const message = await this.outbox.claimNextDue(this.workerId, now, new Date(now.getTime() + LEASE_MS));
      if (!message) break;
      const outcome = await this.deliver(message);
      result[outcome]++;
    }
    return result;
  }

  private async deliver(message: OutboxMessage): Promise<'sent' | 'retryLater' | 'failed' | 'unknown'> {
    try {
      await this.transport.send({
        from: this.config.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        messageId: message.messageId,
        attachments: message.attachments,
      });
    } catch (err) {
      const e = err as Error & { responseCode?: number; command?: string; code?: string };
      const outcome = afterFailure(classifySendError(e), message.attempts, this.clock());
      await this.outbox.recordFailure(message.id, this.workerId, outcome, e.message ?? String(err));
      return outcome.status === 'pending' ? 'retryLater' : outcome.status === 'failed' ? 'failed' : 'unknown';
    }
    await this.outbox.markSent(message.id, this.workerId, this.clock());
    return 'sent';
  }
}
