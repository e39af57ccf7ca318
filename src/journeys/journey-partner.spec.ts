import type { Quadrant } from '../common/domain';
import { partnerJourney, shareableQuotes, type QuoteSource } from './journey-partner';
import { journeyReport, type JourneyRespondent } from './journey-report';

const members = new Map<number, { organisation: string; quadrant: Quadrant }>([
  [1, { organisation: 'RET', quadrant: 'gemakzoeker' }],
  [2, { organisation: 'RET', quadrant: 'informatiezoeker' }],
  [3, { organisation: 'Vitens', quadrant: 'gemakzoeker' }],
]);
const quote = (over: Partial<QuoteSource>): QuoteSource => ({
  respondentId: 1,
  question: 'contactMoments',
  text: 'Ik moest drie keer bellen.',
  tekstIds: ['CONS_X'],
  shareable: true,
  ...over,
});

describe(shareableQuotes.name, () => {
  it('keeps only shareable segments of the organisation’s own respondents, in the order of the form’s steps', () => {
    const quotes = shareableQuotes(
      [
        quote({ question: 'afterwardsReason', text: 'Achteraf nog gebeld.' }),
        quote({ text: 'Niet gedeeld', shareable: false }),
        quote({ respondentId: 3, text: 'Van Vitens' }),
        quote({ respondentId: 99, text: 'Buiten de populatie' }),
        quote({ question: 'firstName', text: 'Ans' }),
        quote({ respondentId: 2, question: 'goal', text: 'Een lager voorschot.', tekstIds: ['A', 'B'] }),
        quote({ text: '   ' }),
      ],
      members,
      'RET',
    );
    expect(quotes).toEqual([
      { quadrant: 'informatiezoeker', step: 'goal', tekstIds: ['A', 'B'], text: 'Een lager voorschot.' },
      { quadrant: 'gemakzoeker', step: 'afterwards', tekstIds: ['CONS_X'], text: 'Achteraf nog gebeld.' },
    ]);
  });
});

describe(partnerJourney.name, () => {
  const respondents: JourneyRespondent[] = [
    ...Array.from({ length: 6 }, (_, i) => ({
      id: 10 + i,
      organisation: 'RET',
      quadrant: 'gemakzoeker' as const,
      answers: { contactMomentsRating: 'positief' },
    })),
    { id: 20, organisation: 'Vitens', quadrant: 'gemakzoeker', answers: { contactMomentsRating: 'negatief' } },
  ];
  const report = journeyReport({
    study: 's',
    population: 'participants',
    respondents,
    codings: [],
    codebook: [],
    organisations: ['RET', 'Vitens'],
  });
  const journey = partnerJourney(report, { organisation: 'RET', k: 5, members, codings: [quote({})] });

  it('gives the own organisation’s groups and every organisation’s as suppressed counts', () => {
    expect(journey.groups.map((g) => [g.organisation, g.quadrant, g.respondents])).toEqual([
      ['RET', 'informatiezoeker', 0],
      ['RET', 'zekerheidszoeker', 0],
      ['RET', 'rust-in-je-hoofdzoeker', 0],
      ['RET', 'gemakzoeker', 6],
    ]);
    expect(journey.consortium).toHaveLength(8);
    const vitens = journey.consortium.find((g) => g.organisation === 'Vitens' && g.quadrant === 'gemakzoeker')!;
    expect(vitens.respondents).toBeNull();
    expect(vitens.steps[0].ratings.negatief).toBeNull();
    expect(journey.groups[3].steps[0].ratings).toEqual({ positief: 6, neutraal: 0, negatief: 0, none: 0 });
    expect(journey.k).toBe(5);
    expect(journey.quotes).toEqual([
      { quadrant: 'gemakzoeker', step: 'contactMoments', tekstIds: ['CONS_X'], text: 'Ik moest drie keer bellen.' },
    ]);
  });

  it('carries no answer text but the shareable quotes', () => {
    const text = JSON.stringify({ ...journey, quotes: [] });
    expect(text).not.toContain('bellen');
  });
});
