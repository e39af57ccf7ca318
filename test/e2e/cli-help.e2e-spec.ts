import { readCatalogue } from '../../src/common/i18n';
import { templatesDir } from '../../src/common/view-engine';
import { runCli } from '../support/cli';

const dutch = { KWADRANT_LANG: '' };
const en = readCatalogue(templatesDir(), 'en');
const nl = readCatalogue(templatesDir(), 'nl');

/** Help as one line of words: commander wraps long descriptions at the terminal's width. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The English help texts a help page shows (up to a variable they take), leaving out those written the same in
 * Dutch ("accounts"): none of them may appear on the Dutch page.
 */
function englishShownOn(englishPage: string): string[] {
  return Object.keys(en)
    .filter((key) => key.startsWith('cli.help.') && en[key] !== nl[key])
    .map((key) => en[key].split('{')[0].trim())
    .filter((text) => text.length >= 6 && englishPage.includes(text));
}

/** `kwadrant --help` and a command's help, run as the real command (no database needed). */
describe('kwadrant help in the language of the command line', () => {
  it.each([[['--help']], [['journey', '--help']], [['respondents', 'import', '--help']], [['help', 'outbox']]])(
    '%j is Dutch by default and English with --lang en',
    async (args) => {
      const nlRun = await runCli(args, dutch);
      const enRun = await runCli(['--lang', 'en', ...args], dutch);
      expect([nlRun.code, enRun.code]).toEqual([0, 0]);
      const nlPage = flat(nlRun.stdout);
      const enPage = flat(enRun.stdout);

      expect(nlPage).toMatch(/^Gebruik: kwadrant /);
      expect(nlPage).toContain('Opties: ');
      expect(nlPage).toContain('-h, --help hulp bij deze opdracht tonen');
      expect(enPage).toMatch(/^Usage: kwadrant /);
      expect(enPage).toContain('Options: ');
      expect(enPage).toContain('-h, --help display help for command');

      const english = englishShownOn(enPage);
      expect(english.length).toBeGreaterThan(0);
      expect(english.filter((text) => nlPage.includes(text))).toEqual([]);
      // Commander's own words, which it would print in English whatever the language.
      expect(nlPage).not.toMatch(/Usage|Options|Commands|Arguments|\[options\]|\[command\]|default:|display help/);
    },
  );

  it('lists the commands and the options in Dutch, with their names, defaults and choices unchanged', async () => {
    const top = flat((await runCli(['--help'], dutch)).stdout);
    expect(top).toContain('Gebruik: kwadrant [opties] [opdracht]');
    expect(top).toContain('Opdrachten: migrate [opties] openstaande databasemigraties uitvoeren');
    expect(top).toContain(
      '--lang <nl|en> taal van meldingen en hulp (anders KWADRANT_LANG of LANG; standaard Nederlands)',
    );
    expect(top).toContain('help [opdracht] hulp bij een opdracht tonen');

    const journey = flat((await runCli(['journey', '--help'], dutch)).stdout);
    expect(journey).toContain('Gebruik: kwadrant journey [opties]');
    expect(journey).toContain('--study <slug> het onderzoek (korte naam)');
    expect(journey).toContain(
      '--population <population> welke respondenten: participants | invited | eligible | all (standaard: "participants")',
    );
    expect(journey).toContain('--format <format> uitvoer: json | csv | xlsx | pdf (standaard: "json")');

    const importing = flat((await runCli(['respondents', 'import', '--help'], dutch)).stdout);
    expect(importing).toContain('Gebruik: kwadrant respondents import [opties] <file>');
    expect(importing).toContain('Argumenten: file het bestand om te importeren');
  });

  it('is English with --lang en, as before', async () => {
    const journey = flat((await runCli(['--lang', 'en', 'journey', '--help'], dutch)).stdout);
    expect(journey).toContain('Usage: kwadrant journey [options]');
    expect(journey).toContain(
      'the journey report of a study: per organisation × quadrant and step, counts with their n',
    );
    expect(journey).toContain('--delimiter <delimiter> CSV delimiter: ; or , (default: ";")');
    expect(journey).toContain('--out <file> write to this file instead of standard output');
  });
});

/** Commander's refusals of a command line, run as the real command (no database needed). */
describe('kwadrant refusing a command line in its language', () => {
  it('says a missing required option and an unknown command in Dutch, with the suggestion, and in English', async () => {
    const missing = await runCli(['journey'], dutch);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("fout: de optie '--study <slug>' is verplicht.");
    expect(missing.stderr).not.toContain('not specified');

    const typo = await runCli(['jurney'], dutch);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain("fout: de opdracht 'jurney' bestaat niet.\n(Bedoelt u journey?)");
    expect(typo.stderr).not.toMatch(/unknown command|Did you mean/);

    const english = await runCli(['--lang', 'en', 'journey', '--study', 'x', '--formt', 'json'], dutch);
    expect(english.code).not.toBe(0);
    expect(english.stderr).toContain("error: unknown option '--formt'.\n(Did you mean --format?)");
  });
});
