import type { Command } from 'commander';
import { parseFormat, printJson, printTable, withApp } from './cli-context';
import { say } from './cli-locale';
import { GroupsService } from '../groups/groups.service';

export function registerGroupCommands(program: Command): void {
  const groups = program.command('groups').description(say('cli.help.groups'));
  groups
    .command('form')
    .description(say('cli.help.groups.form'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--organisation <name>', say('cli.help.option.organisation'))
    .option('--dry-run', say('cli.help.groups.form.dryRun'))
    .option('--format <format>', say('cli.help.option.format', { formats: 'json | table' }), 'table')
    .action(async (opts: { study: string; organisation?: string; dryRun?: boolean; format: string }) => {
      const format = parseFormat(opts.format, ['json', 'table'] as const);
      const organisation = opts.organisation ? ` (${opts.organisation})` : '';
      const dryRun = opts.dryRun ? say('cli.groups.dryRun') : '';
      process.stderr.write(`${say('cli.groups.forming', { study: opts.study, organisation, dryRun })}\n`);
      const { report, assumedAvailable } = await withApp((app) =>
        app
          .get(GroupsService)
          .formDetailed(opts.study, { dryRun: opts.dryRun ?? false, organisation: opts.organisation }, null),
      );
      if (assumedAvailable > 0) {
        process.stderr.write(`${say('cli.groups.assumedAvailable', { count: assumedAvailable })}\n`);
      }
      if (format === 'json') return printJson(report);
      printTable(
        report.groups.map((g) => ({
          id: g.id ?? 'new',
          organisation: g.organisation,
          quadrant: g.quadrant,
          members: g.members.join(' '),
          reserves: g.reserves.join(' '),
          slots: g.slots.join(' '),
          score: g.score.total,
        })),
      );
      if (report.shortfalls.length) {
        process.stdout.write(`\n${say('cli.groups.shortfalls')}\n`);
        printTable(
          report.shortfalls.map((s) => ({
            organisation: s.organisation,
            quadrant: s.quadrant,
            candidates: s.candidates,
            needed: s.needed,
          })),
        );
      }
      if (report.unplaced.length) {
        process.stdout.write(`\n${say('cli.groups.unplaced')}\n`);
        printTable(report.unplaced.map((u) => ({ respondent: u.respondentId, reason: u.reason })));
      }
    });
}
