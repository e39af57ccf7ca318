import type { ImportPlan, PlannedCoding } from './refi/import-plan';
import { coderEmail, ImportStudy, resolveImport } from './qdpx-import';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const accountGuid = (id: number) => G(1000 + id);

const study = (): ImportStudy => ({
  sources: new Map([[G(1), 41]]),
  codes: [
    { guid: G(10), path: ['Consument'], tekstId: null },
    { guid: G(11), path: ['Consument', 'Informatie'], tekstId: null },
    { guid: G(12), path: ['Consument', 'Informatie', 'EAN'], tekstId: 'CONS_INFO_EAN' },
    { guid: G(13), path: ['Oorzaak', 'Fout'], tekstId: 'OORZAAK_FOUT' },
  ],
  accounts: [
    { id: 1, name: 'Anna Onderzoeker', email: 'anna@example.nl' },
    { id: 2, name: 'Bert', email: 'bert@example.nl' },
    { id: 3, name: 'Cor', email: coderEmail(G(503)) },
  ],
  accountGuid,
  existing: [{ assignmentId: 41, question: 'goal', start: 0, end: 4, codeGuid: G(12), coderId: 1 }],
});

const coding = (
  n: number,
  codeGuid: string,
  coderGuid: string,
  overrides: Partial<PlannedCoding> = {},
): PlannedCoding => ({
  codingGuid: G(200 + n),
  sourceGuid: G(1),
  question: 'goal',
  start: 0,
  end: 4,
  codeGuid,
  coderGuid,
  clipped: false,
  ...overrides,
});

const plan = (overrides: Partial<ImportPlan>): ImportPlan => ({
  codings: [],
  crlfCounting: new Map(),
  newCodes: [],
  users: [],
  problems: [],
  ...overrides,
});

describe(resolveImport.name, () => {
  it('finds coders by their export GUID, by e-mail as name, by name, and makes a new identity otherwise', () => {
    const users = [
      { guid: accountGuid(1), name: 'Anna', listed: true },
      { guid: G(501), name: 'BERT@example.nl', listed: true },
      { guid: G(502), name: ' anna  onderzoeker ', listed: true },
      { guid: G(503), name: 'Cornelis', listed: true },
      { guid: G(504), name: '', listed: false },
    ];
    const result = resolveImport(
      plan({ users, codings: users.map((u, i) => coding(i, G(12), u.guid, { start: i * 4, end: i * 4 + 4 })) }),
      study(),
    );
    expect(result.coders).toEqual([
      { guid: accountGuid(1), name: 'Anna Onderzoeker', by: 'guid', accountId: 1 },
      { guid: G(501), name: 'Bert', by: 'email', accountId: 2 },
      { guid: G(502), name: 'Anna Onderzoeker', by: 'name', accountId: 1 },
      { guid: G(503), name: 'Cor', by: 'email', accountId: 3 },
      { guid: G(504), name: 'QDA 00000000', by: 'new', email: coderEmail(G(504)) },
    ]);
    expect(result.codings).toHaveLength(4); // the first is already stored
    expect(result.unchanged).toBe(1);
  });

  it('adds new codes under their parent with a Tekst-ID from their path, and refuses a fourth level', () => {
    const result = resolveImport(
      plan({
        users: [{ guid: accountGuid(2), name: 'Bert', listed: true }],
        newCodes: [
          { code: { guid: G(20), name: 'Storing', isCodable: true, color: '#336699' }, parentGuid: G(11), path: [] },
          { code: { guid: G(21), name: 'Groep', isCodable: false }, parentGuid: null, path: ['Groep'] },
          { code: { guid: G(22), name: 'Kind', isCodable: true }, parentGuid: G(21), path: ['Groep', 'Kind'] },
          { code: { guid: G(23), name: 'Te diep', isCodable: true }, parentGuid: G(12), path: ['C', 'I', 'E', 'T'] },
        ],
        codings: [coding(1, G(20), accountGuid(2)), coding(2, G(22), accountGuid(2)), coding(3, G(23), accountGuid(2))],
      }),
      study(),
    );
    expect(result.newCodes).toEqual([
      { guid: G(20), path: ['Consument', 'Informatie', 'Storing'], tekstId: 'CONS_INFO_STOR', colour: '#336699' },
      { guid: G(21), path: ['Groep'], tekstId: null, colour: expect.stringMatching(/^#/) },
      { guid: G(22), path: ['Groep', 'Kind'], tekstId: 'GROE_KIND', colour: expect.stringMatching(/^#/) },
    ]);
    expect(result.codings.map((c) => c.codeGuid)).toEqual([G(20), G(22)]);
    expect(result.unmatched).toEqual([expect.objectContaining({ code: 'too-many-levels' })]);
  });

  it('reports codings on unknown sources, on grouping codes and without a user, and stores none of them', () => {
    const result = resolveImport(
      plan({
        users: [{ guid: accountGuid(2), name: 'Bert', listed: true }],
        codings: [
          coding(1, G(12), accountGuid(2), { sourceGuid: G(9) }),
          coding(2, G(11), accountGuid(2)),
          coding(3, G(12), undefined as unknown as string),
        ],
        problems: [
          { code: 'text-changed', where: { kind: 'selection', source: 'R02', selection: 1 }, detail: 'changed' },
        ],
      }),
      study(),
    );
    expect(result.codings).toEqual([]);
    expect(result.unmatched.map((p) => p.code)).toEqual(['text-changed', 'unknown-source', 'unknown-code', 'no-coder']);
  });
});
