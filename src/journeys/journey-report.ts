// The journey report: per organisation × quadrant and per step of the homework form, how respondents rated the
// step, which channels they used, who took the initiative afterwards, the contact reasons and cause classes of
// the final coding, and the avoidable share — always as counts with their n. Pure: no framework imports.
import { QUADRANTS, type Quadrant } from '../common/domain';
import { causeClassOf, type CauseClass, type Code } from '../coding/codebook';
import { hasText } from '../homework/answers-outline';
import {
  HOMEWORK_RATINGS,
  HOMEWORK_STEPS,
  buildHomeworkDefinition,
  ratingQuestionName,
  type HomeworkStep,
} from '../surveys/homework-definition';
import { translators } from '../common/view-engine';

// ----------------------------------------------------------------------------------- the form's steps

/** A question is asked only when another one has a given answer (SurveyJS `visibleIf: "{q} = 'v'"`). */
export interface Condition {
  question: string;
  value: string;
}

export interface StepQuestions {
  step: HomeworkStep;
  /** Free-text questions: the answers that are coded, and whose uncoded ones count as `uncoded`. */
  text: string[];
  rating: string;
  /** The checkbox of channels, where the step asks for them. */
  channels?: { name: string; values: string[] };
  /** Who took the initiative, where the step asks. */
  initiative?: { name: string; values: string[] };
  /** Questions of the step that are asked only under a condition. */
  conditions: Record<string, Condition>;
}

interface Element {
  type: string;
  name: string;
  choices?: { value: string }[];
  visibleIf?: string;
}

const SIMPLE_CONDITION = /^\{(\w+)\} = '([^']*)'$/;

/**
 * The steps' questions, read from the homework form itself so that the report follows the form. A condition of
 * another form than "{q} = 'v'" stops this module from loading: the report would otherwise count answers to
 * questions that were not asked (an answer kept from before the respondent changed their mind, or an import).
 */
export const STEP_QUESTIONS: readonly StepQuestions[] = (() => {
  const definition = buildHomeworkDefinition({ organisation: '' }, translators()) as {
    pages: { name: string; elements: Element[] }[];
  };
  return HOMEWORK_STEPS.map((step): StepQuestions => {
    const page = definition.pages.find((p) => p.name === `${step}Step`);
    if (!page) throw new Error(`The homework form has no page for step ${step}`);
    const values = (e: Element) => (e.choices ?? []).map((c) => c.value);
    const channels = page.elements.find((e) => e.type === 'checkbox');
    const initiative = page.elements.find((e) => e.type === 'radiogroup' && /Initiative$/.test(e.name));
    const conditions: Record<string, Condition> = {};
    for (const e of page.elements) {
      if (!e.visibleIf) continue;
      const m = SIMPLE_CONDITION.exec(e.visibleIf);
      if (!m) throw new Error(`The journey report cannot read the condition of ${e.name}: ${e.visibleIf}`);
      conditions[e.name] = { question: m[1], value: m[2] };
    }
    return {
      step,
      text: page.elements.filter((e) => e.type === 'comment').map((e) => e.name),
      rating: ratingQuestionName(step),
      ...(channels ? { channels: { name: channels.name, values: values(channels) } } : {}),
      ...(initiative ? { initiative: { name: initiative.name, values: values(initiative) } } : {}),
      conditions,
    };
  });
})();

// ----------------------------------------------------------------------------------- input and output

export interface JourneyRespondent {
  id: string | number;
  organisation: string;
  quadrant: Quadrant;
  /** The submitted homework (question name → answer); free text may be left out when `answered` says which were. */
  answers: Readonly<Record<string, unknown>>;
  /** The free-text questions answered (homework's outline); without it, read from `answers`. */
  answered?: readonly string[];
}

/** A final coded segment: a span [start, end) of one answer with the codes (Tekst-IDs) applied to it. */
export interface FinalCoding {
  /** The respondent's id, as in JourneyRespondent.id (same type: 7 and "7" are different respondents). */
  respondent: string | number;
  question: string;
  start: number;
  end: number;
  codes: readonly string[];
}

export interface JourneyInput {
  study: string;
  population: string;
  /** Respondents with submitted homework, already filtered (organisation, quadrant, population). */
  respondents: readonly JourneyRespondent[];
  codings: readonly FinalCoding[];
  codebook: readonly Code[];
  /** When given, every organisation × quadrant appears, also without respondents, in this order. */
  organisations?: readonly string[];
}

/** A count; null where it is suppressed for a partner (see suppressSmallCounts). */
export type Count = number | null;

export interface StepReport<C extends Count = number> {
  step: HomeworkStep;
  ratings: { positief: C; neutraal: C; negatief: C; none: C };
  channels: Record<string, C>;
  initiative: Record<string, C>;
  /** Contact reasons (every code but the cause codes): coded segments in the step's answers, and respondents. */
  reasons: { tekstId: string; path: string[]; segments: C; respondents: C }[];
  /** The same per Categorie 1 (a segment counts once per category); codes missing from the codebook have none. */
  reasonCategories: { categorie1: string; segments: C; respondents: C }[];
  /** Segments per cause class; `uncoded`: the step's answered text questions without any cause code. */
  causes: { fout: C; selfservice: C; nodig: C; uncoded: C };
  /** (fout + selfservice) over coded = fout + selfservice + nodig; share null when nothing is coded. */
  avoidable: { count: C; coded: C; share: number | null };
}

export interface JourneyGroup<C extends Count = number> {
  organisation: string;
  quadrant: Quadrant;
  /** n: the group's respondents with submitted homework. */
  respondents: C;
  steps: StepReport<C>[];
}

export interface JourneyReport<C extends Count = number> {
  study: string;
  population: string;
  groups: JourneyGroup<C>[];
}

// ----------------------------------------------------------------------------------- computing

interface ReasonTally {
  segments: number;
  respondents: number;
  /** The respondent (internal index) counted last: codings are visited respondent by respondent. */
  last: number;
}

interface StepTally {
  ratings: { positief: number; neutraal: number; negatief: number; none: number };
  channels: Map<string, number>;
  initiative: Map<string, number>;
  reasons: Map<string, ReasonTally>;
  categories: Map<string, ReasonTally>;
  causes: Record<CauseClass, number> & { uncoded: number };
}

const newStepTally = (s: StepQuestions): StepTally => ({
  ratings: { positief: 0, neutraal: 0, negatief: 0, none: 0 },
  channels: new Map((s.channels?.values ?? []).map((v) => [v, 0])),
  initiative: new Map((s.initiative?.values ?? []).map((v) => [v, 0])),
  reasons: new Map(),
  categories: new Map(),
  causes: { fout: 0, selfservice: 0, nodig: 0, uncoded: 0 },
});

const RATINGS: readonly string[] = HOMEWORK_RATINGS;
const TEXT_QUESTIONS = STEP_QUESTIONS.flatMap((s, step) => s.text.map((name) => ({ name, step })));
const TEXT_QUESTION_INDEX = new Map(TEXT_QUESTIONS.map((q, i) => [q.name, i]));

/**
 * Linear in respondents plus codings: codings are bucketed by respondent first, so that distinct respondents
 * per reason are counted with a "last respondent seen" mark instead of a set per reason, and an answer's cause
 * codes with one small flag array per respondent (10,000 respondents × 10 codings: see bench/journey.ts).
 */
export function journeyReport(input: JourneyInput): JourneyReport {
  const paths = new Map(input.codebook.filter((c) => c.tekstId).map((c) => [c.tekstId!, c.path]));
  const groups = new Map<string, { organisation: string; quadrant: Quadrant; n: number; steps: StepTally[] }>();
  const group = (organisation: string, quadrant: Quadrant) => {
    const key = `${organisation}\u0000${quadrant}`;
    let g = groups.get(key);
    if (!g) {
      g = { organisation, quadrant, n: 0, steps: STEP_QUESTIONS.map(newStepTally) };
      groups.set(key, g);
    }
    return g;
  };
  for (const organisation of input.organisations ?? []) for (const q of QUADRANTS) group(organisation, q);

  const respondents = input.respondents;
  const index = new Map<string | number, number>();
  respondents.forEach((r, i) => index.set(r.id, i));

  // Codings bucketed by respondent (a counting sort); those of respondents outside the report are dropped.
  const owner = new Int32Array(input.codings.length);
  const starts = new Int32Array(respondents.length + 1);
  input.codings.forEach((c, i) => {
    const r = index.get(c.respondent);
    owner[i] = r === undefined ? -1 : r;
    if (r !== undefined) starts[r + 1]++;
  });
  for (let r = 0; r < respondents.length; r++) starts[r + 1] += starts[r];
  const order = new Int32Array(starts[respondents.length]);
  const fill = starts.slice(0, respondents.length);
  for (let i = 0; i < owner.length; i++) if (owner[i] >= 0) order[fill[owner[i]]++] = i;

  const hasCause = new Uint8Array(TEXT_QUESTIONS.length);
  const segmentCategories: string[] = [];
  for (let r = 0; r < respondents.length; r++) {
    const respondent = respondents[r];
    const answers = respondent.answers ?? {};
    const answered = respondent.answered;
    const g = group(respondent.organisation, respondent.quadrant);
    g.n++;
    for (let i = 0; i < STEP_QUESTIONS.length; i++) tallyAnswers(STEP_QUESTIONS[i], g.steps[i], answers);

    hasCause.fill(0);
    for (let k = starts[r]; k < starts[r + 1]; k++) {
      const coding = input.codings[order[k]];
      const q = TEXT_QUESTION_INDEX.get(coding.question);
      if (q === undefined) continue;
      const tally = g.steps[TEXT_QUESTIONS[q].step];
      const codes = coding.codes;
      for (let c = 0; c < codes.length; c++) {
        const code = codes[c];
        if (codes.indexOf(code) !== c) continue; // the same code twice on one segment counts once
        const cause = causeClassOf(code);
        if (cause) {
          tally.causes[cause]++;
          hasCause[q] = 1;
          continue;
        }
        count(tally.reasons, code, r);
        // A segment counts once per Categorie 1, however many of its reasons fall under it.
        const categorie1 = paths.get(code)?.[0];
        if (categorie1 !== undefined && !segmentCategories.includes(categorie1)) {
          segmentCategories.push(categorie1);
          count(tally.categories, categorie1, r);
        }
      }
      segmentCategories.length = 0;
    }
    for (let q = 0; q < TEXT_QUESTIONS.length; q++) {
      const { name, step } = TEXT_QUESTIONS[q];
      const isAnswered = answered ? answered.includes(name) : hasText(answers[name]);
      if (!hasCause[q] && isAnswered && isAsked(STEP_QUESTIONS[step], name, answers)) g.steps[step].causes.uncoded++;
    }
  }

  const organisationOrder = new Map((input.organisations ?? []).map((o, i) => [o, i]));
  const ordered = [...groups.values()].sort(
    (a, b) =>
      (organisationOrder.get(a.organisation) ?? Infinity) - (organisationOrder.get(b.organisation) ?? Infinity) ||
      a.organisation.localeCompare(b.organisation, 'nl') ||
      QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant),
  );
  return {
    study: input.study,
    population: input.population,
    groups: ordered.map((g) => ({
      organisation: g.organisation,
      quadrant: g.quadrant,
      respondents: g.n,
      steps: g.steps.map((t, i) => stepReport(STEP_QUESTIONS[i].step, t, paths)),
    })),
  };
}

function tallyAnswers(s: StepQuestions, tally: StepTally, answers: JourneyRespondent['answers']): void {
  const asked = (question: string) => isAsked(s, question, answers);
  const rating = asked(s.rating) ? answers[s.rating] : undefined;
  tally.ratings[
    typeof rating === 'string' && RATINGS.includes(rating) ? (rating as keyof StepTally['ratings']) : 'none'
  ]++;
  if (s.channels && asked(s.channels.name)) {
    const chosen = answers[s.channels.name];
    if (Array.isArray(chosen)) {
      chosen.forEach((v: unknown, i) => {
        // A channel ticked twice (an import) is still one respondent.
        if (typeof v === 'string' && tally.channels.has(v) && chosen.indexOf(v) === i)
          tally.channels.set(v, tally.channels.get(v)! + 1);
      });
    }
  }
  if (s.initiative && asked(s.initiative.name)) {
    const v = answers[s.initiative.name];
    if (typeof v === 'string' && tally.initiative.has(v)) tally.initiative.set(v, tally.initiative.get(v)! + 1);
  }
}

function isAsked(s: StepQuestions, question: string, answers: JourneyRespondent['answers']): boolean {
  const condition = s.conditions[question];
  return !condition || answers[condition.question] === condition.value;
}

function count(tallies: Map<string, ReasonTally>, key: string, respondent: number): void {
  let t = tallies.get(key);
  if (!t) {
    t = { segments: 0, respondents: 0, last: -1 };
    tallies.set(key, t);
  }
  t.segments++;
  if (t.last !== respondent) {
    t.respondents++;
    t.last = respondent;
  }
}

/** Most frequent first; ties by key, so the order is stable. */
const bySegments =
  <T extends { segments: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.segments - a.segments || key(a).localeCompare(key(b));

function stepReport(step: HomeworkStep, t: StepTally, paths: Map<string, string[]>): StepReport {
  const coded = t.causes.fout + t.causes.selfservice + t.causes.nodig;
  const avoidable = t.causes.fout + t.causes.selfservice;
  return {
    step,
    ratings: { ...t.ratings },
    channels: Object.fromEntries(t.channels),
    initiative: Object.fromEntries(t.initiative),
    reasons: [...t.reasons]
      .map(([tekstId, r]) => ({
        tekstId,
        path: [...(paths.get(tekstId) ?? [])],
        segments: r.segments,
        respondents: r.respondents,
      }))
      .sort(bySegments((r) => r.tekstId)),
    reasonCategories: [...t.categories]
      .map(([categorie1, r]) => ({ categorie1, segments: r.segments, respondents: r.respondents }))
      .sort(bySegments((r) => r.categorie1)),
    causes: { ...t.causes },
    avoidable: { count: avoidable, coded, share: coded === 0 ? null : avoidable / coded },
  };
}

// ----------------------------------------------------------------------------------- partners

/**
 * The report as a partner may see it: every count from 1 to k − 1 becomes null (0 stays: it identifies nobody).
 * A group with fewer than k respondents is suppressed whole, its lists of reasons left empty. The four ratings add up to the published n, so when
 * only one of them is suppressed the smallest other one is too; the avoidable share is left out whenever a cause
 * count it is made of is suppressed, since it would give that count away.
 */
export function suppressSmallCounts(report: JourneyReport, k: number): JourneyReport<Count> {
  const small = (v: number) => v > 0 && v < k;
  const cell = (v: number): Count => (small(v) ? null : v);
  const cells = <K extends string>(r: Record<K, number>) =>
    Object.fromEntries(Object.entries(r).map(([key, v]) => [key, cell(v as number)])) as Record<K, Count>;
  return {
    ...report,
    groups: report.groups.map((g): JourneyGroup<Count> => {
      const whole = small(g.respondents);
      const c = (v: number): Count => (whole ? null : cell(v));
      return {
        organisation: g.organisation,
        quadrant: g.quadrant,
        respondents: c(g.respondents),
        steps: g.steps.map((s): StepReport<Count> => {
          const causes = whole ? { fout: null, selfservice: null, nodig: null, uncoded: null } : cells(s.causes);
          const hidden = causes.fout === null || causes.selfservice === null || causes.nodig === null;
          return {
            step: s.step,
            ratings: whole
              ? { positief: null, neutraal: null, negatief: null, none: null }
              : suppressRatings(s.ratings, small),
            channels: Object.fromEntries(Object.entries(s.channels).map(([key, v]) => [key, c(v)])),
            initiative: Object.fromEntries(Object.entries(s.initiative).map(([key, v]) => [key, c(v)])),
            // In a suppressed group even which reasons occurred would say something about a few people.
            reasons: whole
              ? []
              : s.reasons.map((r) => ({
                  ...r,
                  path: [...r.path],
                  segments: c(r.segments),
                  respondents: c(r.respondents),
                })),
            reasonCategories: whole
              ? []
              : s.reasonCategories.map((r) => ({ ...r, segments: c(r.segments), respondents: c(r.respondents) })),
            causes,
            avoidable: hidden
              ? { count: null, coded: null, share: null }
              : { count: c(s.avoidable.count), coded: c(s.avoidable.coded), share: s.avoidable.share },
          };
        }),
      };
    }),
  };
}

function suppressRatings(ratings: StepReport['ratings'], small: (v: number) => boolean): StepReport<Count>['ratings'] {
  const entries = Object.entries(ratings) as [keyof StepReport['ratings'], number][];
  const hidden = new Set(entries.filter(([, v]) => small(v)).map(([key]) => key));
  if (hidden.size === 1) {
    const others = entries.filter(([key]) => !hidden.has(key)).sort((a, b) => a[1] - b[1]);
    const next = others.find(([, v]) => v > 0) ?? others[0];
    if (next) hidden.add(next[0]);
  }
  return Object.fromEntries(
    entries.map(([key, v]) => [key, hidden.has(key) ? null : v]),
  ) as StepReport<Count>['ratings'];
}
