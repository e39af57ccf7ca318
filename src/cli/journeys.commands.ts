import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseFormat, withApp } from './cli-context';
import { say } from './cli-locale';
import { AppError } from '../common/app-error';
import { LOCALES, QUADRANTS } from '../common/domain';
import { JOURNEY_FORMATS } from '../journeys/journey-files';
import { JourneysService } from '../journeys/journeys.service';
import { POPULATIONS } from '../overviews/overview';

interface JourneyOptions {
  study: string;
  organisation?: string;
  quadrant?: string;
  population: string;
  format: string;
  delimiter: string;
  locale: string;
  out?: string;
}

export function registerJourneyCommands(program: Command): void {
  program
    .command('journey')
    .description(say('cli.help.journey'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--organisation <name>', say('cli.help.option.organisation'))
    .option('--quadrant <quadrant>', say('cli.help.journey.quadrant', { quadrants: QUADRANTS.join(' | ') }))
    .option(
      '--population <population>',
      say('cli.help.option.population', { populations: POPULATIONS.join(' | ') }),
      'participants',
    )
    .option('--format <format>', say('cli.help.option.format', { formats: JOURNEY_FORMATS.join(' | ') }), 'json')
    .option('--delimiter <delimiter>', say('cli.help.option.delimiter'), ';')
    .option('--locale <locale>', say('cli.help.option.labelLocale'), 'nl')
    .option('--out <file>', say('cli.help.option.out'))
    .action(async (opts: JourneyOptions) => {
      const format = parseFormat(opts.format, JOURNEY_FORMATS);
      const population = choose('--population', opts.population, POPULATIONS);
      const quadrant = opts.quadrant === undefined ? undefined : choose('--quadrant', opts.quadrant, QUADRANTS);
      const locale = choose('--locale', opts.locale, LOCALES);
      if (opts.delimiter !== ';' && opts.delimiter !== ',')
        throw AppError.invalid('cli.delimiter', '--delimiter must be ; or ,.');
      await withApp(async (app) => {
        const download = await app
          .get(JourneysService)
          .download(
            opts.study,
            { organisation: opts.organisation, quadrant, population, format, delimiter: opts.delimiter, locale },
            null,
          );
        if (opts.out) {
          await writeFile(opts.out, download.body);
          process.stderr.write(`${say('cli.wrote', { file: opts.out })}\n`);
        } else {
          await new Promise<void>((resolve, reject) =>
            process.stdout.write(download.body, (err) => (err ? reject(err) : resolve())),
          );
        }
      });
    });
}

function choose<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw AppError.invalid('cli.option', `${option} must be one of ${allowed.join(', ')}.`, undefined, {
      option,
      allowed: allowed.join(', '),
    });
  return value as T;
}
