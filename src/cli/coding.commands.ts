import type { Command } from 'commander';
import { say } from './cli-locale';
import { parseFormat, printJson, withApp } from './cli-context';
import { CodingService } from '../coding/coding.service';
import { StudiesService } from '../studies/studies.service';

export function registerCodingCommands(program: Command): void {
  const coding = program.command('coding').description(say('cli.help.coding'));

  coding
    .command('list')
    .description(say('cli.help.coding.list'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--final', say('cli.help.coding.list.final'))
    .option('--format <format>', say('cli.help.option.format', { formats: 'json' }), 'json')
    .action(async (opts: { study: string; final?: boolean; format: string }) => {
      parseFormat(opts.format, ['json'] as const);
      printJson(
        await withApp(async (app) => {
          const study = await app.get(StudiesService).get(opts.study);
          return app.get(CodingService).exportList(study.id, { final: opts.final }, null);
        }),
      );
    });
}
