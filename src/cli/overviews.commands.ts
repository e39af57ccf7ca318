import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { parseFormat, withApp } from './cli-context';
import { say } from './cli-locale';
import { AppError } from '../common/app-error';
import { LOCALES } from '../common/domain';
import { POPULATIONS } from '../overviews/overview';
import { EXPORT_FORMATS } from '../overviews/overview-request';
import { OverviewsService } from '../overviews/overviews.service';

interface OverviewOptions {
  study: string;
  organisation?: string;
  population: string;
  ageBands?: boolean;
  suppressBelow?: string;
  format: string;
  delimiter?: string;
  locale: string;
  out?: string;
}

export function registerOverviewCommands(program: Command): void {
  program
    .command('overview')
    .description(say('cli.help.overview'))
    .requiredOption('--study <slug>', say('cli.help.option.study'))
    .option('--organisation <name>', say('cli.help.option.organisation'))
    .option(
      '--population <population>',
      say('cli.help.option.population', { populations: POPULATIONS.join(' | ') }),
      'participants',
    )
    .option('--age-bands', say('cli.help.overview.ageBands'))
    .option('--suppress-below <n>', say('cli.help.overview.suppressBelow'))
    .option('--format <format>', say('cli.help.option.format', { formats: EXPORT_FORMATS.join(' | ') }), 'json')
    .option('--delimiter <delimiter>', say('cli.help.option.delimiter'), ';')
    .option('--locale <locale>', say('cli.help.option.labelLocale'), 'nl')
    .option('--out <file>', say('cli.help.option.out'))
    .action(async (opts: OverviewOptions) => {
      const format = parseFormat(opts.format, EXPORT_FORMATS);
      const population = choose('--population', opts.population, POPULATIONS);
      const locale = choose('--locale', opts.locale, LOCALES);
      if (opts.delimiter !== ';' && opts.delimiter !== ',')
        throw AppError.invalid('cli.delimiter', '--delimiter must be ; or ,.');
      const suppressBelow = opts.suppressBelow === undefined ? undefined : Number(opts.suppressBelow);
      if (suppressBelow !== undefined && !(Number.isInteger(suppressBelow) && suppressBelow >= 2))
        throw AppError.invalid('cli.suppress_below', '--suppress-below must be a whole number of 2 or more.');
      await withApp(async (app) => {
        const download = await app.get(OverviewsService).download(
          opts.study,
          {
            organisation: opts.organisation,
            population,
            ageBands: opts.ageBands ?? false,
            suppressBelow,
            format,
            delimiter: opts.delimiter,
            locale,
          },
          null,
        );
        if (download.disclosure.warning)
          process.stderr.write(`${say('cli.note', { text: download.disclosure.warning })}\n`);
        await download.write(opts.out ? createWriteStream(opts.out) : stdoutStream());
        if (opts.out) process.stderr.write(`${say('cli.wrote', { file: opts.out })}\n`);
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

/** Standard output as a stream the exporters may end without closing the process's stdout. */
function stdoutStream(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (process.stdout.write(chunk)) done();
      else process.stdout.once('drain', () => done());
    },
  });
}
