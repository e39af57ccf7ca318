import { BUILT_IN_CAUSES, defaultColour } from './codebook';
import { fromRefiCodes, toRefiCodes } from './codebook-refi';
import type { StoredCode } from './codebook-versions';
import { buildCodebookXml } from './refi/codebook-xml';
import { readCodebookXml } from './refi/project-reader';

let n = 0;
const guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const codes: StoredCode[] = [
  ...BUILT_IN_CAUSES.map((c) => ({ ...c, guid: guid(), builtIn: true })),
  {
    path: ['Informatievoorziening / NAW mutaties'],
    tekstId: null,
    logtekst: null,
    colour: '#E69F00',
    guid: guid(),
    builtIn: false,
  },
  {
    path: ['Informatievoorziening / NAW mutaties', 'Installatie gegevens'],
    tekstId: null,
    logtekst: null,
    colour: '#E69F00',
    guid: guid(),
    builtIn: false,
  },
  {
    path: ['Informatievoorziening / NAW mutaties', 'Installatie gegevens', 'EAN code'],
    tekstId: 'CONS_INFO_INST_EAN',
    logtekst: 'Naam beller: Klantvraag: Product:\nEAN-code doorgegeven:',
    colour: '#E69F00',
    guid: guid(),
    builtIn: false,
  },
];

describe(toRefiCodes.name, () => {
  it('nests codes by path, names them by their own label, and carries Tekst-ID and Logtekst in the description', () => {
    const tree = toRefiCodes(codes);
    expect(tree.map((c) => [c.name, c.isCodable, c.children.length])).toEqual([
      ['Oorzaak', false, 3],
      ['Informatievoorziening / NAW mutaties', false, 1],
    ]);
    const ean = tree[1].children[0].children[0];
    expect(ean).toMatchObject({ name: 'EAN code', isCodable: true, color: '#E69F00', guid: codes[6].guid });
    expect(ean.description).toBe(
      'Tekst-ID: CONS_INFO_INST_EAN\nLogtekst: Naam beller: Klantvraag: Product:\nEAN-code doorgegeven:',
    );
  });
});

describe(fromRefiCodes.name, () => {
  it('reads back what toRefiCodes wrote, through the .qdc writer and reader', () => {
    const xml = buildCodebookXml({ origin: 'test', codes: toRefiCodes(codes) });
    const read = readCodebookXml(xml);
    expect(read.problems).toEqual([]);
    const back = fromRefiCodes(read.codes, defaultColour);
    expect(back.problems).toEqual([]);
    expect(back.codes).toEqual(
      codes.map(({ path, tekstId, logtekst, colour, guid }) => ({ path, tekstId, logtekst, colour, guid })),
    );
  });

  it('names codes from other tools: a Tekst-ID line, a name shaped like one, or one made from the path', () => {
    const tree = [
      {
        guid: guid(),
        name: 'Consumenten',
        isCodable: false,
        children: [
          { guid: guid(), name: 'OORZAAK_LIKE_NAME', isCodable: true, children: [] },
          {
            guid: guid(),
            name: 'Informatie  over het proces',
            isCodable: true,
            color: '#123456',
            children: [],
            description: 'vrije tekst',
          },
          { guid: guid(), name: 'Instellingen', isCodable: true, children: [], description: 'Tekst-ID: CONS_INFO' },
        ],
      },
    ];
    const { codes: read } = fromRefiCodes(tree, defaultColour);
    expect(read.map((c) => [c.path.join('/'), c.tekstId, c.logtekst, c.colour])).toEqual([
      ['Consumenten', null, null, '#0072B2'],
      ['Consumenten/OORZAAK_LIKE_NAME', 'OORZAAK_LIKE_NAME', null, '#0072B2'],
      // "CONS_INFO" is given explicitly further down, so the made one does not take it.
      ['Consumenten/Informatie over het proces', 'CONS_INFO_2', null, '#123456'],
      ['Consumenten/Instellingen', 'CONS_INFO', null, '#0072B2'],
    ]);
  });

  it('reports a code deeper than three levels', () => {
    const leaf = { guid: guid(), name: 'D', isCodable: true, children: [] };
    const tree = [
      {
        guid: guid(),
        name: 'A',
        isCodable: false,
        children: [
          {
            guid: guid(),
            name: 'B',
            isCodable: false,
            children: [{ guid: guid(), name: 'C', isCodable: false, children: [leaf] }],
          },
        ],
      },
    ];
    expect(fromRefiCodes(tree, defaultColour).problems).toEqual([
      { code: 'too_many_levels', where: 'A / B / C / D', details: { max: 3 } },
    ]);
  });
});
