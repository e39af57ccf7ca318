import type { Command } from 'commander';
import { parseFormat, printJson, printTable, withApp } from './cli-context';
import { say } from './cli-locale';
import { AppError } from '../common/app-error';
import { StudiesService } from '../studies/studies.service';
import { AttendanceService } from '../scheduling/attendance.service';
import { InvitationsService } from '../scheduling/invitations.service';
import { SchedulingService } from '../scheduling/scheduling.service';

const FORMATS = ['json', 'table'] as const;

function parseGroupId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw AppError.invalid('cli.group', `--group must be a group number, not "${value}".`, undefined, { value });
  return Number(value);
}

export function registerSchedulingCommands(program: Command): void {
  program
    .command('schedule')
    .description(say('cli.help.schedule'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--dry-run', say('cli.help.schedule.dryRun'))
    .option('--format <format>', say('cli.help.option.format', { formats: 'json | table' }), 'table')
    .action(async (opts: { study: string; dryRun?: boolean; format: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const report = await withApp(async (app) => {
        const study = await app.get(StudiesService).get(opts.study);
        process.stderr.write(
          `${say(opts.dryRun ? 'cli.schedule.previewing' : 'cli.schedule.scheduling', { study: study.slug })}\n`,
        );
        return app.get(SchedulingService).run(opts.study, { dryRun: opts.dryRun }, null, study.locale);
      });
      if (format === 'json') return printJson(report);
      printTable(report.placed.map((p) => ({ group: p.group, slot: p.slot, lead: p.lead, noteTaker: p.noteTaker })));
      if (report.unplaced.length) {
        process.stdout.write(`\n${say('cli.schedule.notPlaced')}\n`);
        printTable(report.unplaced.map((u) => ({ group: u.group, reason: u.reason })));
      }
      const dryRun = report.dryRun ? say('cli.schedule.dryRun') : '';
      const vars = { placed: report.placed.length, dryRun, unplaced: report.unplaced.length, kept: report.kept };
      process.stdout.write(`\n${say('cli.schedule.summary', vars)}\n`);
    });

  const invitations = program.command('invitations').description(say('cli.help.invitations'));
  invitations
    .command('send')
    .description(say('cli.help.invitations.send'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--group <id>', say('cli.help.invitations.send.group'))
    .option('--format <format>', say('cli.help.option.format', { formats: 'json | table' }), 'table')
    .action(async (opts: { study: string; group?: string; format: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const groupId = parseGroupId(opts.group);
      const reports = await withApp((app) =>
        app
          .get(InvitationsService)
          .sendForStudy(opts.study, groupId, null, (line) =>
            process.stderr.write(`${say('cli.inviting', { line })}\n`),
          ),
      );
      if (format === 'json') return printJson(reports);
      printTable(
        reports.map((r) => ({
          group: r.groupId,
          invited: r.invited.length,
          skipped: r.skipped.map((s) => `${s.respondentId}: ${s.reason}`).join('; '),
          moderators: r.moderatorsInvited.length,
        })),
      );
    });

  program
    .command('attendance')
    .description(say('cli.help.attendance'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .requiredOption('--group <id>', say('cli.help.option.group'))
    .option('--present <email...>', say('cli.help.attendance.present'))
    .option('--absent <email...>', say('cli.help.attendance.absent'))
    .option('--format <format>', say('cli.help.option.format', { formats: 'json | table' }), 'table')
    .action(async (opts: { study: string; group: string; present?: string[]; absent?: string[]; format: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const groupId = parseGroupId(opts.group)!;
      const result = await withApp((app) =>
        app.get(AttendanceService).markByEmail(opts.study, groupId, opts.present ?? [], opts.absent ?? [], null),
      );
      if (format === 'json') return printJson(result);
      process.stdout.write(
        `${say('cli.attendance.done', { groupId: result.groupId, present: result.present.length, absent: result.absent.length })}\n`,
      );
    });
}
