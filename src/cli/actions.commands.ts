import { writeFileSync } from 'fs';
import type { Command } from 'commander';
import { parseFormat, withApp } from './cli-context';
import { say } from './cli-locale';
import { ActionsService } from '../actions/actions.service';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

export function registerActionCommands(program: Command): void {
  const actions = program.command('actions').description("a study's action register (what each organisation changes)");

  actions
    .command('list')
    .description(
      'every action: JSON [{ id, number, organisation, omschrijving, analyse, actie, actiehouders, mijlpaal, status }], or the CSV or XLSX export; audited',
    )
    .requiredOption('--study <slug>', 'the study')
    .option('--organisation <name>', 'only this partner organisation')
    .option('--format <format>', FORMATS.join(' | '), 'json')
    .option('--locale <locale>', 'nl | en: the language of the file headings', 'nl')
    .option('--out <file>', 'write to this file instead of standard output')
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
