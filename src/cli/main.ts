#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { registerActionCommands } from './actions.commands';
import { registerAuthCommands } from './auth.commands';
import { registerCodebookCommands } from './codebook.commands';
import { registerCodingCommands } from './coding.commands';
import { registerDatabaseCommands } from './database.commands';
import { registerGroupCommands } from './groups.commands';
import { registerHomeworkCommands } from './homework.commands';
import { registerJourneyCommands } from './journeys.commands';
import { registerMailCommands } from './mail.commands';
import { registerOverviewCommands } from './overviews.commands';
import { registerQdpxCommands } from './qdpx.commands';
import { registerRespondentCommands } from './respondents.commands';
import { registerStudyCommands } from './studies.commands';
import { registerSchedulingCommands } from './scheduling.commands';
import { reportAndExit } from './cli-context';
import { localiseHelp } from './cli-help';
import { chooseCliLocale, say, setCliLocale } from './cli-locale';

/** Every module's commands; later features register theirs here. */
const REGISTRARS = [
  registerDatabaseCommands,
  registerAuthCommands,
  registerStudyCommands,
  registerRespondentCommands,
  registerOverviewCommands,
  registerMailCommands,
  registerGroupCommands,
  registerSchedulingCommands,
  registerHomeworkCommands,
  registerCodebookCommands,
  registerCodingCommands,
  registerJourneyCommands,
  registerActionCommands,
  registerQdpxCommands,
];

export function buildProgram(): Command {
  // Commander's own words first: the commands added below copy them.
  const program = localiseHelp(new Command('kwadrant'))
    .description(say('cli.help.program'))
    // Read before the commands are parsed (cli-locale.ts); declared here so --help lists it.
    .option('--lang <nl|en>', say('cli.help.lang'))
    .showHelpAfterError();
  for (const register of REGISTRARS) register(program);
  return program;
}

if (require.main === module) {
  const { locale, argv } = chooseCliLocale(process.argv, process.env);
  setCliLocale(locale);
  buildProgram().parseAsync(argv).catch(reportAndExit);
}
