// REFI-QDA model objects for tests: a small coded project with every part the exports write. Overrides replace
// top-level parts; GUIDs are name-based, so a test can name the GUID it expects.
import { guidFromName, KWADRANT_GUID_NAMESPACE } from '../../src/coding/refi/guid';
import type { RefiCode, RefiProject, RefiTextSource } from '../../src/coding/refi/refi-types';

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
        refiCode('OORZAAK_SELFSERVICE', { color: '#FF7F0E', description: 'Vermijdbaar: selfservice ontbrak of faalde' }),
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
