import { writeFileSync } from 'fs';
import type { Command } from 'commander';
import { parseFormat, withApp } from './cli-context';
import { say } from './cli-locale';
import { ActionsService } from '../actions/actions.service';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

export function registerActionCommands(program: Command): void {
  const actions = program.command('actions').description(say('cli.help.actions'));

  actions
    .command('list')
    .description(say('cli.help.actions.list'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--organisation <name>', say('cli.help.option.organisation'))
    .option('--format <format>', say('cli.help.option.format', { formats: FORMATS.join(' | ') }), 'json')
    .option('--locale <locale>', say('cli.help.option.labelLocale'), 'nl')
    .option('--out <file>', say('cli.help.option.out'))
    .action(async (opts: { study: string; organisation?: string; format: string; locale: string; out?: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const locale = parseFormat(opts.locale, ['nl', 'en'] as const);
      const body = await withApp(async (app) => {
        const service = app.get(ActionsService);
        if (format === 'json') {
          const rows = await service.exportList(opts.study, null, opts.organisation, 'cli');
          return Buffer.from(JSON.stringify(rows, null, 2) + '\n', 'utf8');
        }
        return (await service.export(opts.study, null, { format, organisation: opts.organisation, locale, via: 'cli' }))
          .body;
      });
      if (opts.out) {
        writeFileSync(opts.out, body);
        process.stderr.write(`${say('cli.wrote', { file: opts.out })}\n`);
      } else process.stdout.write(body);
    });
}
