// A small journey report with known counts for the picture and PDF specs.
import { journeyReport, type JourneyReport, type JourneyRespondent } from './journey-report';

/** Four respondents of one group with known answers, and one respondent alone in another group. */
export function smallReport(): JourneyReport {
  const respondents: JourneyRespondent[] = [
    {
      id: 1,
      organisation: 'Belastingdienst',
      quadrant: 'informatiezoeker',
      answers: {
        contactMomentsRating: 'positief',
        channels: ['website', 'telefoon'],
        afterwardsHad: 'yes',
        afterwardsChannels: ['post'],
        contactExplanation: 'Ik belde omdat de brief onduidelijk was',
      },
    },
    {
      id: 2,
      organisation: 'Belastingdienst',
      quadrant: 'informatiezoeker',
      answers: {
        contactMomentsRating: 'negatief',
        channels: ['website'],
        goalRating: 'neutraal',
        contactWhat: 'Vraag',
      },
    },
    {
      id: 3,
      organisation: 'Belastingdienst',
      quadrant: 'informatiezoeker',
      answers: { contactMomentsRating: 'positief', channels: ['chat'] },
    },
    { id: 4, organisation: 'Belastingdienst', quadrant: 'informatiezoeker', answers: {} },
    { id: 5, organisation: 'RET', quadrant: 'zekerheidszoeker', answers: { contactMomentsRating: 'positief' } },
  ];
  return journeyReport({
    study: 'publieke-dienstverlening',
    population: 'participants',
    respondents,
    codings: [
      { respondent: 1, question: 'contactExplanation', start: 0, end: 8, codes: ['OORZAAK_FOUT'] },
      { respondent: 1, question: 'contactExplanation', start: 9, end: 20, codes: ['OORZAAK_FOUT'] },
    ],
    codebook: [],
  });
}
