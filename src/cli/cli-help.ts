import { Help } from 'commander';
import type { Command, Option } from 'commander';
import { say } from './cli-locale';

/** Commander's own headings, which it passes through styleTitle, and the catalogue keys that word them. */
const HEADINGS: Record<string, string> = {
  'Usage:': 'cli.help.heading.usage',
  'Arguments:': 'cli.help.heading.arguments',
  'Options:': 'cli.help.heading.options',
  'Commands:': 'cli.help.heading.commands',
  'Global Options:': 'cli.help.heading.globalOptions',
};

/** Commander's placeholders in a usage line ("kwadrant journey [options]"), in the reader's language. */
function placeholders(usage: string): string {
  return usage
    .replace('[options]', say('cli.help.placeholder.options'))
    .replace('[command]', say('cli.help.placeholder.command'));
}

/** An option's help with its default in the reader's language; commander itself would add "(default: …)". */
function optionDescription(option: Option): string {
  const value: unknown = option.defaultValue;
  const shown =
    (option.required || option.optional) && value !== undefined && !(Array.isArray(value) && value.length === 0);
  if (!shown) return option.description;
  const fallback = say('cli.help.default', { value: option.defaultValueDescription ?? JSON.stringify(value) });
  return option.description ? `${option.description} ${fallback}` : fallback;
}

/** A suggestion commander appends to an unknown option or command: "\n(Did you mean --study?)". */
const SUGGESTION = String.raw`(?:\n\(Did you mean (?:one of )?(?<suggestion>.+)\?\))?`;

/**
 * Commander's refusals of a command line (commander 14 words them in English, with no way to pass other words), each
 * with the catalogue key that says it in the reader's language. Those this program cannot cause (choices, conflicting
 * options) keep commander's words.
 */
const REFUSALS: [RegExp, string][] = [
  [/^error: missing required argument '(?<name>.+)'$/, 'cli.usage.missingArgument'],
  [/^error: option '(?<flags>.+)' argument missing$/, 'cli.usage.optionMissingArgument'],
  [/^error: required option '(?<flags>.+)' not specified$/, 'cli.usage.missingOption'],
  [new RegExp(`^error: unknown option '(?<name>[^']+)'${SUGGESTION}$`), 'cli.usage.unknownOption'],
  [new RegExp(`^error: unknown command '(?<name>[^']+)'${SUGGESTION}$`), 'cli.usage.unknownCommand'],
  [
    /^error: too many arguments(?: for '(?<command>.+)')?\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\.$/,
    'cli.usage.tooManyArguments',
  ],
];

/** One of commander's refusals in the reader's language; anything else as commander wrote it. */
export function localiseRefusal(message: string): string {
  const text = message.replace(/\n$/, '');
  for (const [pattern, key] of REFUSALS) {
    const found = pattern.exec(text);
    if (!found) continue;
    const { suggestion, ...vars } = found.groups ?? {};
    const said = say(key, vars);
    return `${suggestion ? `${said}\n${say('cli.usage.didYouMean', { suggestion })}` : said}\n`;
  }
  return message;
}

/**
 * Makes commander's own words (headings, defaults, the help option and help command, refusals) the catalogue's in the command
 * line's language. Call before any command is added: subcommands copy these settings when they are created.
 */
export function localiseHelp(program: Command): Command {
  return program
    .helpOption('-h, --help', say('cli.help.helpOption'))
    .helpCommand('help [command]', say('cli.help.helpCommand'))
    .configureOutput({ outputError: (message, write) => write(localiseRefusal(message)) })
    .configureHelp({
      styleTitle: (title: string) => (HEADINGS[title] ? say(HEADINGS[title]) : title),
      optionDescription,
      commandUsage(this: Help, cmd: Command) {
        return placeholders(Help.prototype.commandUsage.call(this, cmd));
      },
      subcommandTerm(this: Help, cmd: Command) {
        return placeholders(Help.prototype.subcommandTerm.call(this, cmd));
      },
    } satisfies Partial<Help>);
}
