import { readFileSync, statSync } from 'fs';
import { basename } from 'path';
import { Command } from 'commander';
import { printJson, problemLine, reportAndExit, sayError, unreadableFile, withApp } from './cli-context';
import { say } from './cli-locale';
import { AppError } from '../common/app-error';
import { IMPORT_LIMITS, ImportLimits } from '../common/import/import-limits';
import { fileTooLarge } from '../common/import/uploaded-file';
import { HomeworkImportProblem, HomeworkImportService } from '../homework/homework-import.service';
import { HomeworkService } from '../homework/homework.service';

export function registerHomeworkCommands(program: Command): void {
  const homework = program.command('homework').description(say('cli.help.homework'));
  homework
    .command('remind')
    .description(say('cli.help.homework.remind'))
    .option('--study <slug>', say('cli.help.homework.remind.study'))
    .action(async (opts: { study?: string }) => {
      try {
        const result = await withApp((app) => app.get(HomeworkService).sendReminders({ slug: opts.study }));
        process.stderr.write(`${say('cli.reminders', { count: result.sent, checked: result.checked })}\n`);
        printJson(result);
      } catch (err) {
        reportAndExit(err);
      }
    });
  homework
    .command('send')
    .description(say('cli.help.homework.send'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .requiredOption('--group <id>', say('cli.help.option.group'), (v) => Number.parseInt(v, 10))
    .action(async (opts: { study: string; group: number }) => {
      try {
        printJson(await withApp((app) => app.get(HomeworkService).sendForGroup(opts.study, opts.group, null)));
      } catch (err) {
        reportAndExit(err);
      }
    });
  homework
    .command('import')
    .description(say('cli.help.homework.import'))
    .argument('<file>', say('cli.help.argument.file'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--dry-run', say('cli.help.homework.import.dryRun'))
    .option('--replace', say('cli.help.homework.import.replace'))
    .action(async (file: string, opts: { study: string; dryRun?: boolean; replace?: boolean }) => {
      try {
        const report = await withApp(async (app) => {
          let size: number;
          try {
            size = statSync(file).size;
          } catch (err) {
            throw unreadableFile(file, err);
          }
          // Refused before it is read: a file past the limit never comes into memory.
          const limits = app.get<ImportLimits>(IMPORT_LIMITS);
          if (size > limits.maxBytes) throw fileTooLarge(basename(file), limits.maxBytes);
          return app
            .get(HomeworkImportService)
            .import(
              opts.study,
              { buffer: readFileSync(file), name: basename(file) },
              { dryRun: opts.dryRun, replace: opts.replace },
              null,
            );
        });
        printProblems(report.errors, report.errorCount);
        const count = report.dryRun ? report.readable : report.imported;
        const created = say('cli.homeworkImport.created', { count: report.created });
        const vars = { count, created, replaced: report.replaced };
        const problems = report.errorCount
          ? say('cli.homeworkImport.problems', { count: report.unreadableRows, problems: report.errorCount })
          : '';
        const said = say(report.dryRun ? 'cli.homeworkImport.would' : 'cli.homeworkImport.done', vars);
        process.stderr.write(`${said}${problems}.\n`);
        printJson(report);
      } catch (err) {
        if (err instanceof AppError && Array.isArray(err.details?.errors)) {
          printProblems(err.details.errors as HomeworkImportProblem[], Number(err.details.errorCount ?? 0));
          process.stderr.write(`${sayError(err)}\n`);
          process.exit(2);
        }
        reportAndExit(err);
      }
    });
}

function printProblems(problems: HomeworkImportProblem[], total: number): void {
  for (const p of problems) process.stderr.write(`${problemLine(p)}\n`);
  if (total > problems.length) process.stderr.write(`${say('cli.moreProblems', { count: total - problems.length })}\n`);
}
