import type { Command } from 'commander';
import { parseFormat, printJson, printTable, withApp } from './cli-context';
import { say } from './cli-locale';
import { AppError } from '../common/app-error';
import { OUTBOX_STATUSES, OutboxStatus } from '../mail/outbox-policy';
import { OutboxService } from '../mail/outbox.service';
import { OutboxWorker } from '../mail/outbox.worker';

export function registerMailCommands(program: Command): void {
  const outbox = program.command('outbox').description(say('cli.help.outbox'));
  outbox
    .command('list')
    .description(say('cli.help.outbox.list'))
    .option('--status <status>', say('cli.help.outbox.list.status', { statuses: OUTBOX_STATUSES.join(', ') }))
    .option('--limit <n>', say('cli.help.outbox.list.limit'), '100')
    .option('--format <format>', say('cli.help.option.format', { formats: 'table | json' }), 'table')
    .action(async (opts: { status?: string; limit: string; format: string }) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const);
      if (opts.status !== undefined && !(OUTBOX_STATUSES as readonly string[]).includes(opts.status)) {
        throw AppError.invalid('cli.status', `--status must be one of ${OUTBOX_STATUSES.join(', ')}.`, undefined, {
          allowed: OUTBOX_STATUSES.join(', '),
        });
      }
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw AppError.invalid('cli.limit', '--limit must be a whole number of at least 1.');
      const rows = (
        await withApp((app) =>
          app.get(OutboxService).list({ status: opts.status as OutboxStatus | undefined, limit, offset: 0 }),
        )
      ).items;
      if (format === 'json') return printJson(rows);
      printTable(
        rows.map((r) => ({
          id: r.id,
          status: r.status,
          kind: r.kind,
          to: r.toAddress,
          subject: r.subject,
          attempts: r.attempts,
          created: r.createdAt.toISOString(),
          sent: r.sentAt?.toISOString() ?? '',
          error: r.lastError ?? '',
        })),
      );
    });
  outbox
    .command('send')
    .description(say('cli.help.outbox.send'))
    .action(async () => {
      const result = await withApp(async (app) => {
        const worker = app.get(OutboxWorker);
        const pass = await worker.runOnce();
        return { ...pass, remaining: await app.get(OutboxService).summary() };
      });
      printJson(result);
    });
  outbox
    .command('retry')
    .argument('<id>', say('cli.help.outbox.retry.id'))
    .description(say('cli.help.outbox.retry'))
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw AppError.invalid('cli.id', 'Give the message number from `kwadrant outbox list`.');
      const message = await withApp((app) => app.get(OutboxService).retry(Number(id), null));
      process.stdout.write(`${say('cli.outbox.retried', { id: message.id, to: message.toAddress })}\n`);
    });
}
