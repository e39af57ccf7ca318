import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { basename } from 'path';
import type { Command } from 'commander';
import { parseFormat, printJson, unreadableFile, withApp } from './cli-context';
import { cliLocale, say } from './cli-locale';
import { AppError } from '../common/app-error';
import { CODEBOOK_MAX_BYTES, CodebookService, ProblemMessage } from '../coding/codebook.service';
import { CODEBOOK_FORMATS } from '../coding/codebook-versions';

export function registerCodebookCommands(program: Command): void {
  const codebook = program.command('codebook').description(say('cli.help.codebook'));

  codebook
    .command('import')
    .description(say('cli.help.codebook.import'))
    .argument('<file>', say('cli.help.argument.file'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--dry-run', say('cli.help.codebook.import.dryRun'))
    .action(async (file: string, opts: { study: string; dryRun?: boolean }) => {
      if (!existsSync(file) || !statSync(file).isFile())
        throw unreadableFile(file, existsSync(file) ? { code: 'EISDIR', message: 'not a file' } : undefined);
      if (statSync(file).size > CODEBOOK_MAX_BYTES)
        throw AppError.invalid(
          'codebook.too_large',
          `${file} is larger than ${CODEBOOK_MAX_BYTES / 1024 / 1024} MB; a codebook file is much smaller.`,
          undefined,
          { mb: CODEBOOK_MAX_BYTES / 1024 / 1024 },
        );
      const report = await withApp((app) =>
        app
          .get(CodebookService)
          .import(
            opts.study,
            { buffer: readFileSync(file), name: basename(file) },
            { dryRun: opts.dryRun },
            null,
            cliLocale(),
          ),
      ).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'codebook.file_refused') {
          printProblems((err.details?.errors ?? []) as ProblemMessage[]);
          process.stderr.write(`${say('cli.codebook.nothingImported', { file })}\n`);
          process.exit(2);
        }
        throw err;
      });
      printProblems(report.warnings, 'cli.codebook.note');
      const { added, changed, removed, unchanged, version } = report;
      const counts = say('cli.codebook.counts', { added, changed, removed, unchanged });
      const said = say(report.dryRun ? 'cli.codebook.would' : 'cli.codebook.done', { file, version, counts });
      process.stderr.write(`${said}\n`);
      printJson(report);
    });

  codebook
    .command('export')
    .description(say('cli.help.codebook.export'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--format <format>', say('cli.help.option.format', { formats: CODEBOOK_FORMATS.join(' | ') }), 'csv')
    .option('--out <file>', say('cli.help.option.out'))
    .action(async (opts: { study: string; format: string; out?: string }) => {
      const format = parseFormat(opts.format, CODEBOOK_FORMATS);
      const file = await withApp((app) => app.get(CodebookService).export(opts.study, format, null, 'cli'));
      if (opts.out) {
        writeFileSync(opts.out, file.body);
        process.stderr.write(`${say('cli.wrote', { file: opts.out })}\n`);
      } else process.stdout.write(file.body);
    });

  codebook
    .command('list')
    .description(say('cli.help.codebook.list'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--format <format>', say('cli.help.option.format', { formats: 'json' }), 'json')
    .action(async (opts: { study: string; format: string }) => {
      parseFormat(opts.format, ['json'] as const);
      printJson(await withApp((app) => app.get(CodebookService).list(opts.study)));
    });
}

function printProblems(problems: ProblemMessage[], label = 'cli.codebook.problem'): void {
  for (const p of problems) {
    const where =
      p.line === null
        ? (p.where ?? say('cli.codebook.file'))
        : say(p.column ? 'cli.codebook.lineColumn' : 'cli.codebook.line', { line: p.line, column: p.column });
    process.stderr.write(`${say(label)}: ${where}: ${p.message} (${p.code})\n`);
  }
}
