import { say } from './cli-locale';
import { AppError } from '../common/app-error';
import type { Command } from 'commander';
import { openDataSource } from '../database/data-source';
import { resolveConfig } from '../config/resolve-config';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description(say('cli.help.migrate'))
    .option('--revert <count>', say('cli.help.migrate.revert'))
    .action(async (opts: { revert?: string }) => {
      const config = resolveConfig();
      // Migrations need no entities.
      const ds = await openDataSource(config.database, [], { migrate: false });
      try {
        if (opts.revert) {
          const executed: { n: number | string }[] = await ds
            .query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${ds.driver.escape('migration')}`)
            .catch(() => [{ n: 0 }]);
          const count = opts.revert === 'all' ? Number(executed[0].n) : Number(opts.revert);
          if (!Number.isInteger(count) || count < 0)
            throw AppError.invalid('cli.revert', '--revert takes a whole number or "all".');
          for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'all' });
          process.stdout.write(`${say('cli.migrate.reverted', { count })}\n`);
        } else {
          const applied = await ds.runMigrations({ transaction: 'all' });
          process.stdout.write(
            `${applied.length ? say('cli.migrate.applied', { names: applied.map((m) => m.name).join(', ') }) : say('cli.migrate.upToDate')}\n`,
          );
        }
      } finally {
        await ds.destroy();
      }
    });
}
