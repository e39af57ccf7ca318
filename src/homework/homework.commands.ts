import { Command } from 'commander';
import { printJson, reportAndExit, withApp } from '../cli/cli-context';
import { HomeworkService } from './homework.service';

export function registerHomeworkCommands(program: Command): void {
  const homework = program.command('homework').description('Customer-journey homework: letters, reminders');
  homework
    .command('remind')
    .description('Send the one reminder e-mail to members whose homework deadline is near and who have not sent it')
    .option('--study <slug>', 'only this study (default: every open study)')
    .action(async (opts: { study?: string }) => {
      try {
        const result = await withApp((app) => app.get(HomeworkService).sendReminders({ slug: opts.study }));
        process.stderr.write(`${result.sent} reminder(s) queued in the outbox, ${result.checked} unsent homework checked.\n`);
        printJson(result);
      } catch (err) {
        reportAndExit(err);
      }
    });
  homework
    .command('send')
    .description('Create assignments and letters for the members of a scheduled group who have none yet')
    .requiredOption('--study <slug>', 'the study')
    .requiredOption('--group <id>', 'the group id', (v) => Number.parseInt(v, 10))
    .action(async (opts: { study: string; group: number }) => {
      try {
        printJson(await withApp((app) => app.get(HomeworkService).sendForGroup(opts.study, opts.group, null)));
      } catch (err) {
        reportAndExit(err);
      }
    });
}
