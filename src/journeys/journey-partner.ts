// What a partner may see of a journey report: its own organisation's groups and the consortium's, counts only,
// small counts suppressed, and no free text except the quotes a researcher marked shareable. Pure: no framework
// imports.
import type { Quadrant } from '../common/domain';
import type { HomeworkStep } from '../surveys/homework-definition';
import {
  STEP_QUESTIONS,
  suppressSmallCounts,
  type Count,
  type JourneyGroup,
  type JourneyReport,
} from './journey-report';

/** A final coded segment of one answer, as the coding module hands it over (codes by Tekst-ID). */
export interface QuoteSource {
  respondentId: number;
  question: string;
  /** null for a segment that is not shareable: its text is never read. */
  text: string | null;
  tekstIds: readonly string[];
  shareable: boolean;
}

/** A quote a researcher marked shareable: the segment's text with where it comes from, never who said it. */
export interface JourneyQuote {
  quadrant: Quadrant;
  step: HomeworkStep;
  tekstIds: string[];
  text: string;
}

export interface PartnerJourney {
  study: string;
  population: string;
  organisation: string;
  /**
   * The study's k (its setting, 5 unless a researcher changed it): counts from 1 to k − 1 are null, because below
   * a handful of people a count of "who said what" starts to point at someone.
   */
  k: number;
  /** The partner's own organisation, one group per quadrant. */
  groups: JourneyGroup<Count>[];
  /** Every organisation of the study (the partner's own too), for comparison: counts only. */
  consortium: JourneyGroup<Count>[];
  quotes: JourneyQuote[];
}

const STEP_OF_QUESTION = new Map(STEP_QUESTIONS.flatMap((s) => s.text.map((q) => [q, s.step] as const)));

/**
 * The partner's view of a report computed for every organisation of the study. `members` tells the organisation
 * and quadrant of each respondent in the report, so only quotes of the partner's own respondents are kept.
 */
export function partnerJourney(
  report: JourneyReport,
  opts: {
    organisation: string;
    k: number;
    members: ReadonlyMap<number, { organisation: string; quadrant: Quadrant }>;
    codings: readonly QuoteSource[];
  },
): PartnerJourney {
  const suppressed = suppressSmallCounts(report, opts.k);
  return {
    study: report.study,
    population: report.population,
    organisation: opts.organisation,
    k: opts.k,
    groups: suppressed.groups.filter((g) => g.organisation === opts.organisation),
    consortium: suppressed.groups,
    quotes: shareableQuotes(opts.codings, opts.members, opts.organisation),
  };
}

/** The shareable segments of one organisation's respondents, step by step in the form's order. */
export function shareableQuotes(
  codings: readonly QuoteSource[],
  members: ReadonlyMap<number, { organisation: string; quadrant: Quadrant }>,
  organisation: string,
): JourneyQuote[] {
  const steps = STEP_QUESTIONS.map((s) => s.step);
  const quotes: JourneyQuote[] = [];
  for (const c of codings) {
    const member = members.get(c.respondentId);
    const step = STEP_OF_QUESTION.get(c.question);
    if (!c.shareable || c.text === null || !member || member.organisation !== organisation || !step) continue;
    if (!/\S/.test(c.text)) continue;
    quotes.push({ quadrant: member.quadrant, step, tekstIds: [...c.tekstIds], text: c.text });
  }
  return quotes.sort((a, b) => steps.indexOf(a.step) - steps.indexOf(b.step));
}
