import { readFileSync, statSync } from 'fs';
import { userInfo } from 'os';
import { basename } from 'path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { parseFormat, printJson, printTable, problemLine, sayError, unreadableFile, withApp } from './cli-context';
import { cliLocale, say } from './cli-locale';
import { AppError } from '../common/app-error';
import { IMPORT_LIMITS, ImportLimits } from '../common/import/import-limits';
import type { ImportError } from '../respondents/respondent-import.service';
import { RespondentImportService } from '../respondents/respondent-import.service';
import { ErasureService } from '../privacy/erasure.service';
import { RespondentsService } from '../respondents/respondents.service';
import { fileTooLarge } from '../common/import/uploaded-file';

const LIST_FORMATS = ['json', 'csv', 'table'] as const;

export function registerRespondentCommands(program: Command): void {
  const respondents = program.command('respondents').description(say('cli.help.respondents'));

  respondents
    .command('import')
    .description(say('cli.help.respondents.import'))
    .argument('<file>', say('cli.help.argument.file'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--dry-run', say('cli.help.respondents.import.dryRun'))
    .option('--partial', say('cli.help.respondents.import.partial'))
    .action(async (file: string, opts: { study: string; dryRun?: boolean; partial?: boolean }) => {
      const report = await withApp(async (app) => {
        const limits = app.get<ImportLimits>(IMPORT_LIMITS);
        let size: number;
        try {
          size = statSync(file).size;
        } catch (err) {
          throw unreadableFile(file, err);
        }
        // Refused before it is read: a file past the limit never comes into memory.
        if (size > limits.maxBytes) throw fileTooLarge(basename(file), limits.maxBytes);
        process.stderr.write(`${say('cli.reading', { file, size })}\n`);
        const buffer = readFileSync(file);
        return app
          .get(RespondentImportService)
          .import(
            opts.study,
            { buffer, name: basename(file) },
            { dryRun: opts.dryRun, partial: opts.partial },
            null,
            cliLocale(),
          );
      }).catch((err: unknown) => {
        if (err instanceof AppError && Array.isArray(err.details?.errors)) {
          printRowErrors(err.details.errors as ImportError[], Number(err.details.errorCount ?? 0));
          process.stderr.write(`${sayError(err)}\n`);
          process.exit(2);
        }
        throw err;
      });
      printRowErrors(report.errors, report.errorCount);
      const count = report.dryRun ? report.readable : report.imported;
      const leftOut = report.unreadableRows
        ? say('cli.import.leftOut', { count: report.unreadableRows, problems: report.errorCount })
        : '';
      process.stderr.write(`${say(report.dryRun ? 'cli.import.would' : 'cli.import.done', { count, leftOut })}\n`);
      printJson(report);
    });

  respondents
    .command('list')
    .description(say('cli.help.respondents.list'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--format <format>', say('cli.help.option.format', { formats: LIST_FORMATS.join(' | ') }), 'json')
    .action(async (opts: { study: string; format: string }) => {
      const format = parseFormat(opts.format, LIST_FORMATS);
      const rows = await withApp((app) => app.get(RespondentsService).listNormalised(opts.study, systemUser()));
      if (format === 'json') printJson(rows);
      else if (format === 'table') printTable(rows);
      else {
        const columns = [
          'organisation',
          'quadrant',
          'gender',
          'age',
          'ageMin',
          'ageMax',
          'education',
          'digitalComfort',
          'status',
        ];
        process.stdout.write(stringify(rows, { header: true, columns }));
      }
    });

  respondents
    .command('erase')
    .description(say('cli.help.respondents.erase'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .requiredOption('--email <email>', say('cli.help.respondents.erase.email'))
    .action(async (opts: { study: string; email: string }) => {
      const erased = await withApp((app) => app.get(ErasureService).eraseByEmail(opts.study, opts.email, null));
      const ids = erased.map((r) => r.id).join(', ');
      process.stdout.write(`${say('cli.erased', { count: erased.length, ids })}\n`);
    });
}

function printRowErrors(errors: ImportError[], total: number): void {
  for (const e of errors) process.stderr.write(`${problemLine(e)}\n`);
  if (total > errors.length) process.stderr.write(`${say('cli.moreProblems', { count: total - errors.length })}\n`);
}

/** Who runs the command, for the audit trail (the command line has no account). */
function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
