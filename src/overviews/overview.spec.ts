import { QUADRANTS } from '../common/domain';
import { AGE_BANDS } from './anonymise';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from './exporters/bijlage-5.fixture';
import { ageSortKey, buildOverview, buildSummary, compareRows, overviewRows, type OverviewRow } from './overview';

const ORGANISATIONS = [...BIJLAGE_5_ORGANISATIONS, 'Waterschap'];
const build = (opts = { ageBands: false }) =>
  buildOverview('Publieke dienstverlening', 'participants', ORGANISATIONS, bijlage5Respondents(), opts);

describe('buildOverview', () => {
  it('has the JSON shape of the API and nothing more', () => {
    const overview = build();
    expect(Object.keys(overview).sort()).toEqual(['disclosure', 'organisations', 'population', 'study', 'totals']);
    expect(Object.keys(overview.organisations[0]).sort()).toEqual(['counts', 'name', 'rows', 'total']);
    expect(Object.keys(overview.organisations[0].rows[0]).sort()).toEqual([
      'age',
      'digitalComfort',
      'education',
      'gender',
      'quadrant',
    ]);
    expect(Object.keys(overview.totals.counts)).toEqual([...QUADRANTS]);
  });

  it('counts respondents per organisation and quadrant as in the composition table of the report', () => {
    const { organisations, totals } = build();
    const line = (name: string) => organisations.find((o) => o.name === name)!;
    // Page 2 of the report; Bijlage 5 lists the same respondents.
    expect(line('Belastingdienst')).toMatchObject({
      total: 11,
      counts: { informatiezoeker: 3, zekerheidszoeker: 3, 'rust-in-je-hoofdzoeker': 3, gemakzoeker: 2 },
    });
    expect(line('RET')).toMatchObject({
      total: 12,
      counts: { informatiezoeker: 4, zekerheidszoeker: 3, 'rust-in-je-hoofdzoeker': 3, gemakzoeker: 2 },
    });
    expect(line('Vitens')).toMatchObject({
      total: 12,
      counts: { informatiezoeker: 3, zekerheidszoeker: 3, 'rust-in-je-hoofdzoeker': 3, gemakzoeker: 3 },
    });
    // Bijlage 5 misses Gemeente Utrecht's three gemakzoekers.
    expect(line('Gemeente Utrecht')).toMatchObject({ total: 9, counts: { gemakzoeker: 0 } });
    expect(totals).toEqual({
      total: 44,
      counts: { informatiezoeker: 13, zekerheidszoeker: 12, 'rust-in-je-hoofdzoeker': 12, gemakzoeker: 7 },
    });
  });

  it('keeps every organisation of the study, in the given order, also one without respondents', () => {
    const { organisations } = build();
    expect(organisations.map((o) => o.name)).toEqual(ORGANISATIONS);
    expect(organisations[4]).toEqual({
      name: 'Waterschap',
      total: 0,
      counts: { informatiezoeker: 0, zekerheidszoeker: 0, 'rust-in-je-hoofdzoeker': 0, gemakzoeker: 0 },
      rows: [],
    });
  });

  it('sorts each organisation by quadrant, then age', () => {
    const ret = build().organisations.find((o) => o.name === 'RET')!;
    expect(ret.rows.map((r) => `${r.quadrant} ${r.age}`)).toEqual([
      'informatiezoeker 45-54',
      'informatiezoeker 45-54',
      'informatiezoeker 45-54',
      'informatiezoeker 70',
      'zekerheidszoeker 35',
      'zekerheidszoeker 65',
      'zekerheidszoeker 72',
      'rust-in-je-hoofdzoeker 28',
      'rust-in-je-hoofdzoeker 35-44',
      'rust-in-je-hoofdzoeker 65',
      'gemakzoeker 41',
      'gemakzoeker 65-70',
    ]);
  });

  it('shows ages in bands when asked, which makes fewer rows unique', () => {
    const exact = build();
    const banded = build({ ageBands: true });
    for (const r of overviewRows(banded)) expect(AGE_BANDS).toContain(r.age);
    expect(banded.disclosure.uniqueRows).toBeLessThan(exact.disclosure.uniqueRows);
    expect(exact.disclosure).toMatchObject({ k: 1, uniqueRows: 44 });
    expect(exact.disclosure.warning).toBeDefined();
  });

  it('suppresses small composition cells on request and says so', () => {
    const overview = buildOverview('S', 'participants', ORGANISATIONS, bijlage5Respondents(), {
      ageBands: true,
      suppressBelow: 3,
    });
    expect(overview.suppressedBelow).toBe(3);
    const belastingdienst = overview.organisations[0];
    expect(belastingdienst.counts.gemakzoeker).toBeNull();
    expect(belastingdienst.rows).toHaveLength(11);
    expect(overview.totals.total).toBe(44);
  });

  it('refuses a respondent of an organisation outside the overview', () => {
    expect(() => buildOverview('S', 'all', ['RET'], bijlage5Respondents(), { ageBands: false })).toThrow(
      /"Vitens" is not part of this overview/,
    );
  });

  it('refuses duplicate organisation names', () => {
    expect(() => buildOverview('S', 'all', ['RET', 'RET'], [], { ageBands: false })).toThrow(/unique/);
  });
});

describe('buildSummary', () => {
  it('gives the same composition from counts alone as the full overview', () => {
    const overview = build();
    const counts = overview.organisations.flatMap((o) =>
      QUADRANTS.map((quadrant) => ({ organisation: o.name, quadrant, count: o.counts[quadrant] as number })),
    );
    const summary = buildSummary(overview.study, overview.population, ORGANISATIONS, counts);
    expect(summary).toEqual({
      study: overview.study,
      population: 'participants',
      totals: overview.totals,
      organisations: overview.organisations.map(({ rows: _rows, ...line }) => line),
    });
  });
});

describe('overviewRows', () => {
  it('yields every row with its organisation, organisation by organisation', () => {
    const overview = build();
    const rows = [...overviewRows(overview)];
    expect(rows).toHaveLength(44);
    expect(rows[0]).toEqual({ ...overview.organisations[0].rows[0], organisation: 'Belastingdienst' });
    expect([...new Set(rows.map((r) => r.organisation))]).toEqual(BIJLAGE_5_ORGANISATIONS);
  });
});

describe('ageSortKey and compareRows', () => {
  it('orders ages as given and bands by their start, then end', () => {
    const ages = ['75+', '47', '<25', '45-54', '25-34', '45', 'onbekend'];
    expect(
      [...ages].sort((a, b) => ageSortKey(a)[0] - ageSortKey(b)[0] || ageSortKey(a)[1] - ageSortKey(b)[1]),
    ).toEqual(['<25', '25-34', '45', '45-54', '47', '75+', 'onbekend']);
  });

  it('puts quadrant before age', () => {
    const r = (quadrant: OverviewRow['quadrant'], age: string): OverviewRow => ({
      quadrant,
      age,
      gender: 'm',
      education: 'mbo',
      digitalComfort: 'neutraal',
    });
    const sorted = [
      r('gemakzoeker', '20'),
      r('informatiezoeker', '80'),
      r('rust-in-je-hoofdzoeker', '30'),
      r('zekerheidszoeker', '40'),
      r('informatiezoeker', '18'),
    ].sort(compareRows);
    expect(sorted.map((x) => `${x.quadrant} ${x.age}`)).toEqual([
      'informatiezoeker 18',
      'informatiezoeker 80',
      'zekerheidszoeker 40',
      'rust-in-je-hoofdzoeker 30',
      'gemakzoeker 20',
    ]);
  });
});
