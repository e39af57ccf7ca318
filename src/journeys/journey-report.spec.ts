import fc from 'fast-check';
import { QUADRANTS, type Quadrant } from '../common/domain';
import { withCauseGroup, type Code } from '../coding/codebook';
import { answersOutline } from '../homework/answers-outline';
import { HOMEWORK_CHANNELS, HOMEWORK_STEPS } from '../surveys/homework-definition';
import {
  STEP_QUESTIONS,
  journeyReport,
  suppressSmallCounts,
  type FinalCoding,
  type JourneyReport,
  type JourneyRespondent,
  type StepReport,
} from './journey-report';

const code = (path: string[], tekstId: string | null): Code => ({ path, tekstId, logtekst: null, colour: '#0072B2' });
const CODEBOOK = withCauseGroup([
  code(['Verbruik Zonder Contract'], null),
  code(['Verbruik Zonder Contract', 'Factuur'], null),
  code(['Verbruik Zonder Contract', 'Factuur', 'Informatie over het proces'], 'CONS_VZC_FACT_INFO'),
  code(['Verbruik Zonder Contract', 'Factuur', 'Terugbelverzoek gemaakt'], 'CONS_VZC_FACT_TBV'),
  code(['Informatievoorziening / NAW mutaties'], null),
  code(['Informatievoorziening / NAW mutaties', 'Installatie gegevens'], null),
  code(['Informatievoorziening / NAW mutaties', 'Installatie gegevens', 'EAN code'], 'CONS_INFO_INST_EAN'),
]);

const noChannels = Object.fromEntries(HOMEWORK_CHANNELS.map((c) => [c, 0]));
const step = (over: Partial<StepReport> & Pick<StepReport, 'step'>): StepReport => ({
  ratings: { positief: 0, neutraal: 0, negatief: 0, none: 0 },
  channels: {},
  initiative: {},
  reasons: [],
  reasonCategories: [],
  causes: { fout: 0, selfservice: 0, nodig: 0, uncoded: 0 },
  avoidable: { count: 0, coded: 0, share: null },
  ...over,
});

describe('STEP_QUESTIONS', () => {
  it('follows the homework form: its five steps with their text questions, channels and initiative', () => {
    expect(STEP_QUESTIONS.map((s) => s.step)).toEqual([...HOMEWORK_STEPS]);
    const yes = { question: 'afterwardsHad', value: 'yes' };
    expect(STEP_QUESTIONS).toEqual([
      {
        step: 'contactMoments',
        text: ['contactMoments', 'contactMomentsExplanation'],
        rating: 'contactMomentsRating',
        channels: { name: 'channels', values: [...HOMEWORK_CHANNELS] },
        conditions: {},
      },
      { step: 'goal', text: ['goal', 'goalReason', 'goalExplanation'], rating: 'goalRating', conditions: {} },
      {
        step: 'orientation',
        text: [
          'orientationWhereHow',
          'orientationAmount',
          'orientationKnewWhere',
          'orientationWentWell',
          'orientationExplanation',
        ],
        rating: 'orientationRating',
        conditions: {},
      },
      {
        step: 'contact',
        text: [
          'contactWhat',
          'contactWhere',
          'contactHow',
          'contactDecisionHelp',
          'contactWentWell',
          'contactExplanation',
        ],
        rating: 'contactRating',
        conditions: {},
      },
      {
        step: 'afterwards',
        text: ['afterwardsReason', 'afterwardsWentWell', 'afterwardsExplanation'],
        rating: 'afterwardsRating',
        channels: { name: 'afterwardsChannels', values: [...HOMEWORK_CHANNELS] },
        initiative: { name: 'afterwardsInitiative', values: ['self', 'organisation'] },
        conditions: {
          afterwardsReason: yes,
          afterwardsChannels: yes,
          afterwardsInitiative: yes,
          afterwardsWentWell: yes,
          afterwardsRating: yes,
          afterwardsExplanation: yes,
        },
      },
    ]);
  });
});

describe(journeyReport.name, () => {
  const respondents: JourneyRespondent[] = [
    {
      id: 1,
      organisation: 'Vitens',
      quadrant: 'gemakzoeker',
      answers: {
        firstName: 'Ans',
        contactMoments: 'Ik belde over mijn factuur, en werd teruggebeld.',
        channels: ['telefoon', 'website', 'telefoon'],
        contactMomentsRating: 'negatief',
        goal: 'Een lager voorschot.',
        goalRating: 'neutraal',
        afterwardsHad: 'yes',
        afterwardsReason: 'Nog een keer gebeld.',
        afterwardsChannels: ['e-mail', 'fax'],
        afterwardsInitiative: 'self',
        afterwardsRating: 'negatief',
      },
    },
    {
      id: 2,
      organisation: 'Vitens',
      quadrant: 'gemakzoeker',
      answers: {
        contactMoments: 'Website gebruikt, ook de EAN-code gevonden.',
        channels: ['website'],
        contactMomentsRating: 'positief',
        orientationWhereHow: 'Op de website',
        orientationRating: 'positief',
        afterwardsHad: 'no',
      },
    },
    {
      id: 3,
      organisation: 'Vitens',
      quadrant: 'informatiezoeker',
      answers: { contactMoments: 'Brief gekregen.', channels: ['post'], contactMomentsRating: 'bogus', goal: '   ' },
    },
  ];
  const codings: FinalCoding[] = [
    { respondent: 1, question: 'contactMoments', start: 0, end: 10, codes: ['CONS_VZC_FACT_INFO', 'OORZAAK_FOUT'] },
    { respondent: 1, question: 'contactMoments', start: 11, end: 20, codes: ['CONS_VZC_FACT_TBV'] },
    {
      respondent: 1,
      question: 'afterwardsReason',
      start: 0,
      end: 5,
      codes: ['CONS_VZC_FACT_TBV', 'OORZAAK_SELFSERVICE'],
    },
    { respondent: 2, question: 'contactMoments', start: 0, end: 7, codes: ['CONS_INFO_INST_EAN', 'OORZAAK_NODIG'] },
    { respondent: 2, question: 'contactMoments', start: 8, end: 12, codes: ['CONS_VZC_FACT_INFO'] },
    { respondent: 2, question: 'orientationWhereHow', start: 0, end: 3, codes: ['OORZAAK_SELFSERVICE'] },
    // Not counted: a question outside the steps, and a respondent outside the report.
    { respondent: 3, question: 'firstName', start: 0, end: 3, codes: ['CONS_VZC_FACT_INFO'] },
    { respondent: 9, question: 'contactMoments', start: 0, end: 3, codes: ['OORZAAK_FOUT'] },
  ];
  const report = () =>
    journeyReport({ study: 'wp2a', population: 'participants', respondents, codings, codebook: CODEBOOK });

  it('counts a small, hand-computed example per organisation × quadrant × step', () => {
    const r = report();
    expect(r.study).toBe('wp2a');
    expect(r.population).toBe('participants');
    expect(r.groups.map((g) => [g.organisation, g.quadrant, g.respondents])).toEqual([
      ['Vitens', 'informatiezoeker', 1],
      ['Vitens', 'gemakzoeker', 2],
    ]);
    const gemak = r.groups[1];
    expect(gemak.steps).toEqual([
      step({
        step: 'contactMoments',
        ratings: { positief: 1, neutraal: 0, negatief: 1, none: 0 },
        channels: { ...noChannels, telefoon: 1, website: 2 },
        reasons: [
          {
            tekstId: 'CONS_VZC_FACT_INFO',
            path: ['Verbruik Zonder Contract', 'Factuur', 'Informatie over het proces'],
            segments: 2,
            respondents: 2,
          },
          {
            tekstId: 'CONS_INFO_INST_EAN',
            path: ['Informatievoorziening / NAW mutaties', 'Installatie gegevens', 'EAN code'],
            segments: 1,
            respondents: 1,
          },
          {
            tekstId: 'CONS_VZC_FACT_TBV',
            path: ['Verbruik Zonder Contract', 'Factuur', 'Terugbelverzoek gemaakt'],
            segments: 1,
            respondents: 1,
          },
        ],
        reasonCategories: [
          { categorie1: 'Verbruik Zonder Contract', segments: 3, respondents: 2 },
          { categorie1: 'Informatievoorziening / NAW mutaties', segments: 1, respondents: 1 },
        ],
        causes: { fout: 1, selfservice: 0, nodig: 1, uncoded: 0 },
        avoidable: { count: 1, coded: 2, share: 0.5 },
      }),
      // R1's goal is answered but has no cause code.
      step({
        step: 'goal',
        ratings: { positief: 0, neutraal: 1, negatief: 0, none: 1 },
        causes: { fout: 0, selfservice: 0, nodig: 0, uncoded: 1 },
      }),
      step({
        step: 'orientation',
        ratings: { positief: 1, neutraal: 0, negatief: 0, none: 1 },
        causes: { fout: 0, selfservice: 1, nodig: 0, uncoded: 0 },
        avoidable: { count: 1, coded: 1, share: 1 },
      }),
      step({ step: 'contact', ratings: { positief: 0, neutraal: 0, negatief: 0, none: 2 } }),
      step({
        step: 'afterwards',
        ratings: { positief: 0, neutraal: 0, negatief: 1, none: 1 },
        channels: { ...noChannels, 'e-mail': 1 },
        initiative: { self: 1, organisation: 0 },
        reasons: [
          {
            tekstId: 'CONS_VZC_FACT_TBV',
            path: ['Verbruik Zonder Contract', 'Factuur', 'Terugbelverzoek gemaakt'],
            segments: 1,
            respondents: 1,
          },
        ],
        reasonCategories: [{ categorie1: 'Verbruik Zonder Contract', segments: 1, respondents: 1 }],
        causes: { fout: 0, selfservice: 1, nodig: 0, uncoded: 0 },
        avoidable: { count: 1, coded: 1, share: 1 },
      }),
    ]);
  });

  it('counts an unknown rating as none, a blank answer as not answered, and ignores codings outside the steps', () => {
    const info = report().groups[0];
    expect(info.steps[0]).toEqual(
      step({
        step: 'contactMoments',
        ratings: { positief: 0, neutraal: 0, negatief: 0, none: 1 },
        channels: { ...noChannels, post: 1 },
        causes: { fout: 0, selfservice: 0, nodig: 0, uncoded: 1 },
      }),
    );
    expect(info.steps[1].causes.uncoded).toBe(0);
    expect(info.steps.every((s) => s.reasons.length === 0)).toBe(true);
  });

  it('does not count answers to questions that were not asked (afterwards, when there was no contact afterwards)', () => {
    const stale: JourneyRespondent = {
      id: 7,
      organisation: 'RET',
      quadrant: 'gemakzoeker',
      answers: {
        afterwardsHad: 'no',
        afterwardsReason: 'Van eerder',
        afterwardsChannels: ['post'],
        afterwardsInitiative: 'organisation',
        afterwardsRating: 'positief',
      },
    };
    const afterwards = journeyReport({
      study: 's',
      population: 'all',
      respondents: [stale],
      codings: [],
      codebook: CODEBOOK,
    }).groups[0].steps[4];
    expect(afterwards).toEqual(
      step({
        step: 'afterwards',
        ratings: { positief: 0, neutraal: 0, negatief: 0, none: 1 },
        channels: noChannels,
        initiative: { self: 0, organisation: 0 },
      }),
    );
    const asked = journeyReport({
      study: 's',
      population: 'all',
      respondents: [{ ...stale, answers: { ...stale.answers, afterwardsHad: 'yes' } }],
      codings: [],
      codebook: CODEBOOK,
    });
    expect(asked.groups[0].steps[4]).toEqual(
      step({
        step: 'afterwards',
        ratings: { positief: 1, neutraal: 0, negatief: 0, none: 0 },
        channels: { ...noChannels, post: 1 },
        initiative: { self: 0, organisation: 1 },
        causes: { fout: 0, selfservice: 0, nodig: 0, uncoded: 1 },
      }),
    );
  });

  it('lists every quadrant of the given organisations, also empty ones, in the given order', () => {
    const r = journeyReport({
      study: 's',
      population: 'all',
      respondents,
      codings,
      codebook: CODEBOOK,
      organisations: ['RET', 'Vitens'],
    });
    expect(r.groups.map((g) => `${g.organisation}/${g.quadrant}/${g.respondents}`)).toEqual([
      ...QUADRANTS.map((q) => `RET/${q}/0`),
      'Vitens/informatiezoeker/1',
      'Vitens/zekerheidszoeker/0',
      'Vitens/rust-in-je-hoofdzoeker/0',
      'Vitens/gemakzoeker/2',
    ]);
    const empty = r.groups[0].steps[4];
    expect(empty).toEqual(step({ step: 'afterwards', channels: noChannels, initiative: { self: 0, organisation: 0 } }));
  });

  it('keeps a reason whose code left the codebook, with an empty path', () => {
    const r = journeyReport({
      study: 's',
      population: 'all',
      respondents: respondents.slice(0, 1),
      codings: [{ respondent: 1, question: 'goal', start: 0, end: 2, codes: ['GONE'] }],
      codebook: CODEBOOK,
    });
    expect(r.groups[0].steps[1].reasons).toEqual([{ tekstId: 'GONE', path: [], segments: 1, respondents: 1 }]);
    expect(r.groups[0].steps[1].reasonCategories).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------- properties

const ORGANISATIONS = ['Belastingdienst', 'RET', 'Vitens'];
const TEXT_QUESTIONS = STEP_QUESTIONS.flatMap((s) => s.text);
const CODES = [
  'CONS_VZC_FACT_INFO',
  'CONS_VZC_FACT_TBV',
  'CONS_INFO_INST_EAN',
  'OORZAAK_FOUT',
  'OORZAAK_SELFSERVICE',
  'OORZAAK_NODIG',
];

const arbRespondent = fc.record({
  organisation: fc.constantFrom(...ORGANISATIONS),
  quadrant: fc.constantFrom<Quadrant>(...QUADRANTS),
  answers: fc.record(
    {
      contactMoments: fc.constantFrom('', 'tekst'),
      goal: fc.constantFrom('', '  ', 'doel'),
      contactWhat: fc.string(),
      channels: fc.array(fc.constantFrom(...HOMEWORK_CHANNELS, 'onbekend')),
      afterwardsChannels: fc.array(fc.constantFrom(...HOMEWORK_CHANNELS)),
      afterwardsInitiative: fc.constantFrom('self', 'organisation', 'x'),
      afterwardsHad: fc.constantFrom('yes', 'no', ''),
      afterwardsReason: fc.constantFrom('', ' ', 'reden'),
      firstName: fc.string(),
      ...Object.fromEntries(
        STEP_QUESTIONS.map((s) => [s.rating, fc.constantFrom('positief', 'neutraal', 'negatief', '', 'bogus')]),
      ),
    },
    { requiredKeys: [] },
  ),
});
const arbInput = fc.array(arbRespondent, { maxLength: 40 }).chain((rs) => {
  const respondents: JourneyRespondent[] = rs.map((r, i) => ({ ...r, id: i + 1 }));
  const coding = fc.record({
    respondent: fc.integer({ min: 1, max: Math.max(1, respondents.length) }),
    question: fc.constantFrom(...TEXT_QUESTIONS, 'firstName'),
    start: fc.nat(50),
    end: fc.nat(50),
    codes: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }),
  });
  return fc.tuple(fc.constant(respondents), fc.array(coding, { maxLength: 80 }));
});

describe('journey report properties', () => {
  it("counts the same from homework's outlines (the answers without their free text) as from the answers", () => {
    fc.assert(
      fc.property(arbInput, ([respondents, codings]) => {
        const outlined = respondents.map((r) => {
          const { choices, answered } = answersOutline(r.answers);
          return { ...r, answers: choices, answered };
        });
        const input = { study: 's', population: 'all', codings, codebook: CODEBOOK };
        expect(journeyReport({ ...input, respondents: outlined })).toEqual(journeyReport({ ...input, respondents }));
      }),
      { numRuns: 100 },
    );
  });

  it('adds up: n over groups is the respondents, ratings add up to n, every respondent count is at most n', () => {
    fc.assert(
      fc.property(arbInput, ([respondents, codings]) => {
        const r = journeyReport({ study: 's', population: 'all', respondents, codings, codebook: CODEBOOK });
        expect(r.groups.reduce((sum, g) => sum + g.respondents, 0)).toBe(respondents.length);
        for (const g of r.groups) {
          for (const s of g.steps) {
            const { positief, neutraal, negatief, none } = s.ratings;
            expect(positief + neutraal + negatief + none).toBe(g.respondents);
            for (const v of [...Object.values(s.channels), ...Object.values(s.initiative)])
              expect(v).toBeLessThanOrEqual(g.respondents);
            expect(Object.values(s.initiative).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(g.respondents);
            for (const x of [...s.reasons, ...s.reasonCategories]) {
              expect(x.respondents).toBeLessThanOrEqual(Math.min(g.respondents, x.segments));
              expect(x.respondents).toBeGreaterThan(0);
            }
            const questions = STEP_QUESTIONS.find((q) => q.step === s.step)!.text.length;
            expect(s.causes.uncoded).toBeLessThanOrEqual(g.respondents * questions);
            expect(s.avoidable.coded).toBe(s.causes.fout + s.causes.selfservice + s.causes.nodig);
            if (s.avoidable.share !== null)
              expect(s.avoidable.share).toBeCloseTo(s.avoidable.count / s.avoidable.coded, 12);
          }
        }
        // Every coded segment in a step's text question is counted once per code it carries.
        const counted = r.groups
          .flatMap((g) => g.steps)
          .reduce((sum, s) => sum + s.reasons.reduce((a, x) => a + x.segments, 0) + s.avoidable.coded, 0);
        const expected = codings
          .filter((c) => TEXT_QUESTIONS.includes(c.question) && c.respondent <= respondents.length)
          .reduce((sum, c) => sum + c.codes.length, 0);
        expect(counted).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('suppression never shows a count from 1 to k − 1, nor a single hidden rating beside a shown n', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 2, max: 6 }), ([respondents, codings], k) => {
        const r = suppressSmallCounts(
          journeyReport({ study: 's', population: 'all', respondents, codings, codebook: CODEBOOK }),
          k,
        );
        const shown = (v: number | null) => expect(v === null || v === 0 || v >= k).toBe(true);
        for (const g of r.groups) {
          shown(g.respondents);
          for (const s of g.steps) {
            [
              ...Object.values(s.ratings),
              ...Object.values(s.channels),
              ...Object.values(s.initiative),
              ...Object.values(s.causes),
              s.avoidable.count,
              s.avoidable.coded,
            ].forEach(shown);
            [...s.reasons, ...s.reasonCategories].forEach((x) => [x.segments, x.respondents].forEach(shown));
            if (g.respondents !== null) expect(Object.values(s.ratings).filter((v) => v === null).length).not.toBe(1);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe(suppressSmallCounts.name, () => {
  const base = (n: number, ratings: StepReport['ratings'], causes: StepReport['causes']): JourneyReport => {
    const coded = causes.fout + causes.selfservice + causes.nodig;
    return {
      study: 's',
      population: 'all',
      groups: [
        {
          organisation: 'RET',
          quadrant: 'gemakzoeker',
          respondents: n,
          steps: [
            step({
              step: 'contactMoments',
              ratings,
              channels: { website: 7, post: 2, chat: 0 },
              reasons: [{ tekstId: 'X', path: ['A', 'X'], segments: 6, respondents: 3 }],
              reasonCategories: [{ categorie1: 'A', segments: 6, respondents: 5 }],
              causes,
              avoidable: {
                count: causes.fout + causes.selfservice,
                coded,
                share: coded ? (causes.fout + causes.selfservice) / coded : null,
              },
            }),
          ],
        },
      ],
    };
  };

  it('hides counts from 1 to k − 1, keeps 0 and larger ones, and hides a second rating when one alone would be derivable', () => {
    const r = suppressSmallCounts(
      base(10, { positief: 2, neutraal: 8, negatief: 0, none: 0 }, { fout: 6, selfservice: 0, nodig: 5, uncoded: 1 }),
      5,
    );
    const s = r.groups[0].steps[0];
    expect(r.groups[0].respondents).toBe(10);
    expect(s.ratings).toEqual({ positief: null, neutraal: null, negatief: 0, none: 0 });
    expect(s.channels).toEqual({ website: 7, post: null, chat: 0 });
    expect(s.reasons).toEqual([{ tekstId: 'X', path: ['A', 'X'], segments: 6, respondents: null }]);
    expect(s.reasonCategories).toEqual([{ categorie1: 'A', segments: 6, respondents: 5 }]);
    expect(s.causes).toEqual({ fout: 6, selfservice: 0, nodig: 5, uncoded: null });
    expect(s.avoidable).toEqual({ count: 6, coded: 11, share: 6 / 11 });
  });

  it('drops the avoidable share when a cause count it is made of is hidden', () => {
    const s = suppressSmallCounts(
      base(10, { positief: 5, neutraal: 5, negatief: 0, none: 0 }, { fout: 6, selfservice: 0, nodig: 2, uncoded: 0 }),
      5,
    ).groups[0].steps[0];
    expect(s.causes.nodig).toBeNull();
    expect(s.avoidable).toEqual({ count: null, coded: null, share: null });
  });

  it('hides a group with fewer than k respondents whole, without its reasons', () => {
    const g = suppressSmallCounts(
      base(4, { positief: 4, neutraal: 0, negatief: 0, none: 0 }, { fout: 6, selfservice: 0, nodig: 5, uncoded: 0 }),
      5,
    ).groups[0];
    expect(g.respondents).toBeNull();
    expect(g.steps[0]).toEqual({
      step: 'contactMoments',
      ratings: { positief: null, neutraal: null, negatief: null, none: null },
      channels: { website: null, post: null, chat: null },
      initiative: {},
      reasons: [],
      reasonCategories: [],
      causes: { fout: null, selfservice: null, nodig: null, uncoded: null },
      avoidable: { count: null, coded: null, share: null },
    });
  });
});
