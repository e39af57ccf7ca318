import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { basename } from 'path';
import type { Command } from 'commander';
import { printJson, unreadableFile, withApp } from './cli-context';
import { cliLocale, say } from './cli-locale';
import { AppError } from '../common/app-error';
import { QDPX_MAX_BYTES, QdpxService } from '../coding/qdpx.service';

export function registerQdpxCommands(program: Command): void {
  const qdpx = program.command('qdpx').description(say('cli.help.qdpx'));

  qdpx
    .command('export')
    .description(say('cli.help.qdpx.export'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .requiredOption('--out <file>', say('cli.help.qdpx.export.out'))
    .action(async (opts: { study: string; out: string }) => {
      const file = await withApp((app) => app.get(QdpxService).export(opts.study, null, 'cli'));
      writeFileSync(opts.out, file.body);
      process.stderr.write(`${say('cli.wrote', { file: opts.out })}\n`);
    });

  qdpx
    .command('import')
    .description(say('cli.help.qdpx.import'))
    .argument('<file>', say('cli.help.qdpx.import.file'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--dry-run', say('cli.help.qdpx.import.dryRun'))
    .action(async (file: string, opts: { study: string; dryRun?: boolean }) => {
      if (!existsSync(file) || !statSync(file).isFile())
        throw unreadableFile(file, existsSync(file) ? { code: 'EISDIR', message: 'not a file' } : undefined);
      if (statSync(file).size > QDPX_MAX_BYTES)
        throw AppError.invalid(
          'qdpx.too_large',
          `${file} is larger than ${QDPX_MAX_BYTES / 1024 / 1024} MB.`,
          undefined,
          {
            mb: QDPX_MAX_BYTES / 1024 / 1024,
          },
        );
      const report = await withApp((app) =>
        app
          .get(QdpxService)
          .import(
            opts.study,
            { buffer: readFileSync(file), name: basename(file) },
            { dryRun: opts.dryRun },
            null,
            cliLocale(),
          ),
      );
      for (const p of report.unmatched) process.stderr.write(`${say('cli.qdpx.notImported', p)}\n`);
      const counts = say('cli.qdpx.counts', {
        added: report.added,
        newCodes: report.newCodes.length,
        unchanged: report.unchanged,
        unmatched: report.unmatched.length,
      });
      process.stderr.write(`${say(report.dryRun ? 'cli.qdpx.would' : 'cli.qdpx.done', { file, counts })}\n`);
      printJson(report);
    });
}
