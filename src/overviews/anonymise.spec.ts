import {
  AGE_BANDS,
  ageBand,
  anonymiseRow,
  anonymiseRows,
  disclosureCheck,
  neutraliseCell,
  suppressSmallCells,
  type OrganisationRow,
  type OverviewInput,
} from './anonymise';

const input = (over: Partial<OverviewInput> = {}): OverviewInput => ({
  organisation: 'RET',
  gender: 'v',
  age: '47',
  ageMin: 47,
  ageMax: 47,
  education: 'hbo',
  digitalComfort: 'comfortabel',
  quadrant: 'gemakzoeker',
  ...over,
});

const row = (over: Partial<OrganisationRow> = {}): OrganisationRow => ({
  ...anonymiseRow(input(), { ageBands: false }),
  ...over,
});

describe('ageBand', () => {
  it.each([
    [18, 18, '<25'],
    [24, 24, '<25'],
    [25, 25, '25-34'],
    [34, 34, '25-34'],
    [35, 35, '35-44'],
    [54, 54, '45-54'],
    [64, 64, '55-64'],
    [74, 74, '65-74'],
    [75, 75, '75+'],
    [81, 81, '75+'],
  ])('puts age %i-%i in %s', (min, max, band) => {
    expect(ageBand(min, max)).toBe(band);
  });

  it('places a range by its middle', () => {
    expect(ageBand(65, 70)).toBe('65-74');
    expect(ageBand(20, 30)).toBe('25-34');
    expect(ageBand(18, 30)).toBe('<25');
    expect(ageBand(45, 54)).toBe('45-54');
  });

  it('only ever returns one of the published bands', () => {
    for (let age = 0; age <= 110; age++) expect(AGE_BANDS).toContain(ageBand(age, age));
  });
});

describe('anonymiseRow', () => {
  it('keeps only the overview columns, whatever else the object carries', () => {
    const entity = {
      ...input(),
      id: 'a1b2',
      name: 'Jan Jansen',
      email: 'jan@example.nl',
      phone: '06-12345678',
      remarks: 'woont naast het station',
    };
    const out = anonymiseRow(entity, { ageBands: false });
    expect(Object.keys(out).sort()).toEqual([
      'age',
      'digitalComfort',
      'education',
      'gender',
      'organisation',
      'quadrant',
    ]);
    expect(JSON.stringify(out)).not.toMatch(/Jan|example|0612|a1b2|station/);
  });

  it('shows the age as given, or as a band', () => {
    expect(anonymiseRow(input({ age: '45-54', ageMin: 45, ageMax: 54 }), { ageBands: false }).age).toBe('45-54');
    expect(anonymiseRow(input({ age: '47' }), { ageBands: false }).age).toBe('47');
    expect(anonymiseRow(input({ age: '47' }), { ageBands: true }).age).toBe('45-54');
  });

  it('anonymises a stream of inputs, sync or async', async () => {
    async function* source() {
      // Like a database cursor: the first row comes after a wait.
      await Promise.resolve();
      yield input({ age: '81', ageMin: 81, ageMax: 81 });
      yield input({ age: '23', ageMin: 23, ageMax: 23 });
    }
    const out: string[] = [];
    for await (const r of anonymiseRows(source(), { ageBands: true })) out.push(r.age);
    expect(out).toEqual(['75+', '<25']);
  });
});

describe('disclosureCheck', () => {
  it('reports the smallest group of identical rows and warns about unique ones', () => {
    const result = disclosureCheck([row(), row(), row(), row({ age: '30' }), row({ organisation: 'Vitens' })]);
    expect(result.k).toBe(1);
    expect(result.uniqueRows).toBe(2);
    expect(result.warning).toMatch(/2 rows are unique/);
  });

  it('does not warn when every row has at least one twin', () => {
    expect(disclosureCheck([row(), row(), row({ gender: 'm' }), row({ gender: 'm' })])).toEqual({
      k: 2,
      uniqueRows: 0,
    });
  });

  it('treats rows that differ in any column as different', () => {
    const variants: Partial<OrganisationRow>[] = [
      { gender: 'm' },
      { age: '48' },
      { education: 'wo' },
      { digitalComfort: 'neutraal' },
      { quadrant: 'informatiezoeker' },
      { organisation: 'X' },
    ];
    expect(disclosureCheck([row(), ...variants.map(row)]).uniqueRows).toBe(7);
  });

  it('has k 0 and no warning for an empty overview', () => {
    expect(disclosureCheck([])).toEqual({ k: 0, uniqueRows: 0 });
  });
});

describe('suppressSmallCells', () => {
  type Q = 'a' | 'b' | 'c';
  const table = (lines: [string, number, number, number][]) => {
    const totals = { a: 0, b: 0, c: 0 };
    const organisations = lines.map(([name, a, b, c]) => {
      totals.a += a;
      totals.b += b;
      totals.c += c;
      return { name, total: a + b + c, counts: { a, b, c } };
    });
    return {
      organisations,
      totals: { total: totals.a + totals.b + totals.c, counts: totals as Record<Q, number | null> },
    };
  };

  // Every row and column sums to a published total, so no group may have exactly one hidden cell.
  const expectNoSingleHiddenCell = (t: ReturnType<typeof suppressSmallCells<Q>>) => {
    const keys: Q[] = ['a', 'b', 'c'];
    for (const o of t.organisations)
      expect([...keys.map((k) => o.counts[k]), o.total].filter((v) => v === null)).not.toHaveLength(1);
    for (const k of keys)
      expect(
        [...t.organisations.map((o) => o.counts[k]), t.totals.counts[k]].filter((v) => v === null),
      ).not.toHaveLength(1);
    expect(keys.map((k) => t.totals.counts[k]).filter((v) => v === null)).not.toHaveLength(1);
  };

  it('leaves a table without small counts alone', () => {
    const t = table([
      ['A', 5, 6, 7],
      ['B', 8, 0, 9],
    ]);
    expect(suppressSmallCells(t, 5)).toEqual(t);
  });

  it('hides small counts and enough others that the totals do not give them away', () => {
    const t = suppressSmallCells(
      table([
        ['A', 2, 10, 12],
        ['B', 9, 11, 8],
        ['C', 7, 6, 13],
      ]),
      5,
    );
    expect(t.organisations[0].counts.a).toBeNull();
    expect(t.organisations[0].counts.b).toBeNull(); // the smallest other count in row A
    expect(t.totals.total).toBe(78);
    expectNoSingleHiddenCell(t);
    const hidden = t.organisations.flatMap((o) => Object.values(o.counts)).filter((v) => v === null);
    expect(hidden.length).toBeGreaterThanOrEqual(4); // two in each of the two affected rows
  });

  it('never hides a zero on its own account, nor the grand total', () => {
    const t = suppressSmallCells(table([['A', 0, 20, 30]]), 5);
    expect(t.organisations[0].counts).toEqual({ a: 0, b: 20, c: 30 });
    expect(t.totals.total).toBe(50);
  });

  it('hides a small organisation total as well', () => {
    const t = suppressSmallCells(
      table([
        ['A', 1, 1, 1],
        ['B', 10, 10, 10],
        ['C', 12, 11, 10],
      ]),
      5,
    );
    expect(t.organisations[0].total).toBeNull();
    expectNoSingleHiddenCell(t);
  });
});

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(['HBO', 'Rust-in-je-hoofdzoeker', '45-54', '<25', '75+', '47', '-3', '+4', '2,5', ''])(
    'keeps %j',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );
});
