// REFI-QDA model objects for tests: a small coded project with every part the exports write. Overrides replace
// top-level parts; GUIDs are name-based, so a test can name the GUID it expects.
import { guidFromName, KWADRANT_GUID_NAMESPACE } from '../../src/coding/refi/guid';
import type { RefiCode, RefiProject, RefiTextSource } from '../../src/coding/refi/refi-types';
import type { StudyExport } from '../../src/coding/refi/respondent-project';
import { buildHomeworkSource } from '../../src/coding/refi/source-text';
import { buildHomeworkDefinition } from '../../src/surveys/homework-definition';
import { translators } from '../../src/common/view-engine';

export const testGuid = (name: string): string => guidFromName(KWADRANT_GUID_NAMESPACE, `test:${name}`);

export function refiCode(name: string, overrides: Partial<RefiCode> = {}): RefiCode {
  return { guid: testGuid(`code:${name}`), name, isCodable: true, children: [], ...overrides };
}

/** The cause group of the codebook and a three-level contact reason, the shape the coding module exports. */
export function refiCodeTree(): RefiCode[] {
  return [
    refiCode('Oorzaak', {
      isCodable: false,
      color: '#7F7F7F',
      description: 'Waarom was het contact nodig?',
      children: [
        refiCode('OORZAAK_FOUT', { color: '#D62728', description: 'Vermijdbaar: de organisatie maakte een fout' }),
        refiCode('OORZAAK_SELFSERVICE', {
          color: '#FF7F0E',
          description: 'Vermijdbaar: selfservice ontbrak of faalde',
        }),
        refiCode('OORZAAK_NODIG', { color: '#2CA02C', description: 'Nodig of waardevol contact' }),
      ],
    }),
    refiCode('Consument', {
      isCodable: false,
      children: [
        refiCode('Informatie', {
          isCodable: false,
          children: [
            refiCode('CONS_INFO_INST_EAN', {
              color: '#1F77B4',
              description: 'Instellingen EAN-code\nLogtekst: Naam beller: Klantvraag: Antwoord/afspraken:',
            }),
          ],
        }),
      ],
    }),
  ];
}

export function refiSource(name: string, text: string, overrides: Partial<RefiTextSource> = {}): RefiTextSource {
  return { guid: testGuid(`source:${name}`), name, text, selections: [], ...overrides };
}

export function refiProject(overrides: Partial<RefiProject> = {}): RefiProject {
  const coderA = { guid: testGuid('user:a'), name: 'Onderzoeker A' };
  const coderB = { guid: testGuid('user:b'), name: 'Onderzoeker <B> & "co"' };
  const organisation = { guid: testGuid('variable:organisation'), name: 'Organisatie', type: 'Text' as const };
  const quadrant = { guid: testGuid('variable:quadrant'), name: 'Kwadrant', type: 'Text' as const };
  const text = 'Het contactmoment\nIk belde 👍 over mijn factuur & de "EAN"-code.\n';
  const source = refiSource('R01', text, {
    creatingUser: coderA.guid,
    creationDateTime: new Date('2026-11-02T10:00:00Z'),
    selections: [
      {
        guid: testGuid('selection:1'),
        startPosition: 18,
        endPosition: 28,
        creatingUser: coderA.guid,
        creationDateTime: new Date('2026-11-03T09:30:00Z'),
        description: 'Memo: <belde> zelf',
        codings: [
          { guid: testGuid('coding:1'), codeGuid: testGuid('code:OORZAAK_FOUT'), creatingUser: coderA.guid },
          { guid: testGuid('coding:2'), codeGuid: testGuid('code:CONS_INFO_INST_EAN'), creatingUser: coderA.guid },
        ],
      },
      {
        guid: testGuid('selection:2'),
        startPosition: 29,
        endPosition: 63,
        creatingUser: coderB.guid,
        codings: [{ guid: testGuid('coding:3'), codeGuid: testGuid('code:OORZAAK_NODIG'), creatingUser: coderB.guid }],
      },
    ],
  });
  return {
    name: 'Onderzoek Dienstverlening & "kanalen"',
    origin: 'kwadrant test',
    creationDateTime: new Date('2026-11-30T12:00:00Z'),
    creatingUser: coderA.guid,
    users: [coderA, coderB],
    codes: refiCodeTree(),
    variables: [organisation, quadrant],
    cases: [
      {
        guid: testGuid('case:R01'),
        name: 'R01',
        values: [
          { variableGuid: organisation.guid, value: 'Waterbedrijf <Oost>' },
          { variableGuid: quadrant.guid, value: 'Gemakzoeker' },
        ],
        sourceGuids: [source.guid],
      },
    ],
    sources: [source],
    ...overrides,
  };
}

/** Two respondents' homework with personal data in the answers, and codings by two coders. */
export function studyExportFixture(): { study: StudyExport; personal: string[] } {
  const definition = buildHomeworkDefinition({ organisation: 'Waterbedrijf Oost' }, translators());
  const personal = ['Johanna', 'Jansen', 'johanna.jansen@example.nl', '06-12345678', 'tok3nS3cr3tAbc', 'KW7-Q9P'];
  const coderA = { guid: testGuid('user:a'), name: 'Onderzoeker A' };
  const coderB = { guid: testGuid('user:b'), name: 'Onderzoeker B' };
  const r01 = buildHomeworkSource({
    definition,
    personal,
    answers: {
      firstName: 'Johanna',
      contactMoments: 'Ik (Johanna Jansen) belde 👍 twee keer over de factuur.\nDe tweede keer wist niemand het 😐.',
      channels: ['telefoon'],
      contactMomentsRating: 'negatief',
      contactMomentsExplanation: 'Mijn code KW7-Q9P werkte niet; bel me op 06 1234 5678 of johanna.jansen@example.nl.',
      goal: 'Een nieuwe EAN-code aanvragen.',
      contactWhat: 'Gebeld, en later gemaild.\r\nDaarna een brief gekregen.',
    },
  });
  const r02 = buildHomeworkSource({
    definition,
    personal: ['Piet'],
    answers: { firstName: 'Piet', contactMoments: 'Via de website, ging prima.', goal: 'Meterstand doorgeven' },
  });
  const oorzaakFout = testGuid('code:OORZAAK_FOUT');
  const oorzaakNodig = testGuid('code:OORZAAK_NODIG');
  const ean = testGuid('code:CONS_INFO_INST_EAN');
  const at = new Date('2026-11-20T10:00:00Z');
  const coding = (
    n: number,
    question: string,
    start: number,
    end: number,
    codeGuid: string,
    coderGuid: string,
    memo?: string,
  ) => ({
    guid: testGuid(`coding:${n}`),
    question,
    start,
    end,
    codeGuid,
    coderGuid,
    createdAt: at,
    ...(memo ? { memo } : {}),
  });
  const study: StudyExport = {
    studyGuid: testGuid('study'),
    name: 'Onderzoek Dienstverlening 2026',
    origin: 'kwadrant 0.1.0',
    createdAt: new Date('2026-11-30T12:00:00Z'),
    users: [coderA, coderB],
    codes: refiCodeTree(),
    respondents: [
      {
        caseGuid: testGuid('case:R01'),
        sourceGuid: testGuid('source:R01'),
        pseudonym: 'R01',
        variables: {
          organisation: 'Waterbedrijf Oost',
          quadrant: 'Zekerheidszoeker',
          gender: 'v',
          ageBand: '75+',
          educationBand: 'laag',
          digitalComfort: 'Oncomfortabel',
        },
        source: r01,
        submittedAt: new Date('2026-11-10T08:00:00Z'),
        codings: [
          // "belde 👍 twee keer" (after the emoji the UTF-16 and code point counts differ).
          coding(1, 'contactMoments', 20, 38, oorzaakFout, coderA.guid, 'Twee keer bellen voor één vraag'),
          coding(2, 'contactMoments', 20, 38, oorzaakFout, coderB.guid),
          coding(3, 'contactMoments', 56, 90, ean, coderA.guid),
          coding(4, 'contactWhat', 0, 53, oorzaakNodig, coderB.guid),
          coding(5, 'goal', 0, 30, ean, coderA.guid),
        ],
      },
      {
        caseGuid: testGuid('case:R02'),
        sourceGuid: testGuid('source:R02'),
        pseudonym: 'R02',
        variables: {
          organisation: 'Waterbedrijf Oost',
          quadrant: 'Gemakzoeker',
          gender: 'm',
          ageBand: '35-44',
          educationBand: 'hoog',
          digitalComfort: 'Zeer comfortabel',
        },
        source: r02,
        codings: [coding(6, 'contactMoments', 7, 14, oorzaakNodig, coderA.guid)],
      },
    ],
  };
  return { study, personal: [...personal, 'Piet'] };
}
