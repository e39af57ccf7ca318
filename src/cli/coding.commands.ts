import type { Command } from 'commander';
import { parseFormat, printJson, withApp } from './cli-context';
import { CodingService } from '../coding/coding.service';
import { StudiesService } from '../studies/studies.service';

export function registerCodingCommands(program: Command): void {
  const coding = program.command('coding').description("codings of a study's homework answers");

  coding
    .command('list')
    .description(
      'print the codings: [{ respondent, question, start, end, text, codes: [tekstId], coder, layer, final }]; respondents by pseudonym',
    )
    .requiredOption('--study <slug>', 'the study')
    .option('--final', 'only the final coding of each answer')
    .option('--format <format>', 'json', 'json')
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
