import { localiseRefusal } from './cli-help';
import { setCliLocale } from './cli-locale';

// Commander 14's refusals, word for word as it writes them (lib/command.js).
const COMMANDER = {
  missingArgument: "error: missing required argument 'file'\n",
  optionMissingArgument: "error: option '--study <slug>' argument missing\n",
  missingOption: "error: required option '--study <slug>' not specified\n",
  unknownOption: "error: unknown option '--formt'\n(Did you mean --format?)\n",
  unknownCommand: "error: unknown command 'grops'\n(Did you mean one of groups, groups-cli?)\n",
  tooManyArguments: "error: too many arguments for 'list'. Expected 0 arguments but got 2.\n",
};

describe(localiseRefusal.name, () => {
  afterEach(() => setCliLocale('nl'));

  it('says each refusal of commander in Dutch, keeping the names and the suggestion', () => {
    setCliLocale('nl');
    expect(Object.fromEntries(Object.entries(COMMANDER).map(([k, v]) => [k, localiseRefusal(v)]))).toEqual({
      missingArgument: "fout: het argument 'file' ontbreekt.\n",
      optionMissingArgument: "fout: de optie '--study <slug>' heeft een waarde nodig.\n",
      missingOption: "fout: de optie '--study <slug>' is verplicht.\n",
      unknownOption: "fout: de optie '--formt' bestaat niet.\n(Bedoelt u --format?)\n",
      unknownCommand: "fout: de opdracht 'grops' bestaat niet.\n(Bedoelt u groups, groups-cli?)\n",
      tooManyArguments: 'fout: te veel argumenten: verwacht 0, gekregen 2.\n',
    });
  });

  it('says them in English too, and leaves a message it does not know as commander wrote it', () => {
    setCliLocale('en');
    expect(localiseRefusal(COMMANDER.missingOption)).toBe("error: required option '--study <slug>' not given.\n");
    const other = "error: option '--x <v>' argument 'y' is invalid. Allowed choices are a, b.\n";
    expect(localiseRefusal(other)).toBe(other);
  });
});
