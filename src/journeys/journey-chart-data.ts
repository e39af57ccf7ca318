// What the journey pictures show, as data: the cells of a journey map and the bars of the cause classes, the
// vega-lite specs that draw them, and the same numbers as tables for screen readers and the PDF. Pure: no
// framework imports; the texts come from the message catalogue (journeyCharts.*).
import { LOCALE_TAG, type Locale, type Quadrant } from '../common/domain';
import { translator } from '../common/view-engine';
import { HOMEWORK_CHANNELS, HOMEWORK_STEPS, type HomeworkStep } from '../surveys/homework-definition';
import type { Count, JourneyGroup, JourneyReport } from './journey-report';
import type { VegaLiteSpec } from './vega-renderer';

export interface ChartOptions {
  /** The study's k: a suppressed count (null) reads "< k". Without it, "< k" is written with the letter. */
  suppressedBelow?: number;
}

/** A picture's data as a table: a caption, column headers, and rows that each start with their own header. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

const RATING_ROWS = ['positief', 'neutraal', 'negatief', 'none'] as const;
const CAUSE_CLASSES = ['fout', 'selfservice', 'nodig', 'uncoded'] as const;
type CauseColumn = (typeof CAUSE_CLASSES)[number];

// Okabe–Ito colours, told apart with every common colour-vision deficiency; each cell also carries its row's name
// and its count as text, so no reading depends on colour alone.
const RATING_COLOURS: Record<(typeof RATING_ROWS)[number], string> = {
  positief: '#0072B2',
  neutraal: '#999999',
  negatief: '#D55E00',
  none: '#CCCCCC',
};
const CHANNEL_COLOUR = '#009E73';
const CAUSE_COLOURS: Record<CauseColumn, string> = {
  fout: '#D55E00',
  selfservice: '#E69F00',
  nodig: '#56B4E9',
  uncoded: '#BBBBBB',
};
const FONT = 'Helvetica, Arial, sans-serif';
const CELL = 26;
const STEP_WIDTH = 92;
const BAR_WIDTH = 420;

// ----------------------------------------------------------------------------------- labels

export function chartLabels(locale: Locale, options: ChartOptions = {}) {
  const t = translator(locale);
  const number = new Intl.NumberFormat(LOCALE_TAG[locale]);
  const k = options.suppressedBelow === undefined ? 'k' : number.format(options.suppressedBelow);
  return {
    t,
    step: (s: HomeworkStep) => t(`journeyCharts.step.${s}`),
    rating: (r: (typeof RATING_ROWS)[number]) => t(`journeyCharts.rating.${r}`),
    channel: (c: string) => t(`journeyCharts.channel.${c}`),
    cause: (c: CauseColumn) => t(`journeyCharts.cause.${c}`),
    quadrant: (q: Quadrant) => t(`quadrant.${q}`),
    /** A count as people read it: suppressed counts as "< k", never as 0. */
    count: (c: Count) => (c === null ? t('journeyCharts.belowK', { k }) : number.format(c)),
    atLeast: (n: number) => t('journeyCharts.atLeast', { n: number.format(n) }),
    respondents: (n: Count) =>
      n === null
        ? t('journeyCharts.respondentsBelowK', { k })
        : t('journeyCharts.respondents', { n: number.format(n) }),
  };
}

// ----------------------------------------------------------------------------------- the journey map

export interface MapCell {
  step: string;
  row: string;
  part: 'ratings' | 'channels';
  count: Count;
  label: string;
  colour: string;
  /** How full the cell's colour is: its count's share of the group's n, so that large counts stand out. */
  opacity: number;
}

const stepsAskingChannels = (group: JourneyGroup<Count>) =>
  new Set(group.steps.filter((s) => Object.keys(s.channels).length > 0).map((s) => s.step));

/** One cell per step and rating, and per step and channel where the step asks for channels. */
export function journeyMapCells(group: JourneyGroup<Count>, locale: Locale, options: ChartOptions = {}): MapCell[] {
  const l = chartLabels(locale, options);
  const n = group.respondents;
  const opacity = (c: Count) => (c === null || !n ? 0.15 : 0.15 + 0.85 * Math.min(1, c / n));
  const cells: MapCell[] = [];
  for (const s of group.steps) {
    for (const r of RATING_ROWS) {
      const count = s.ratings[r];
      const colour = RATING_COLOURS[r];
      cells.push({
        step: l.step(s.step),
        row: l.rating(r),
        part: 'ratings',
        count,
        label: l.count(count),
        colour,
        opacity: opacity(count),
      });
    }
  }
  const asking = stepsAskingChannels(group);
  for (const s of group.steps) {
    if (!asking.has(s.step)) continue;
    for (const c of channelsOf(group)) {
      const count = channelCount(s.channels, c);
      cells.push({
        step: l.step(s.step),
        row: l.channel(c),
        part: 'channels',
        count,
        label: l.count(count),
        colour: CHANNEL_COLOUR,
        opacity: opacity(count),
      });
    }
  }
  return cells;
}

// A channel the report does not list for a step counts 0; a listed one may be suppressed (null), never read as 0.
const channelCount = (channels: Record<string, Count>, c: string): Count => (c in channels ? channels[c] : 0);

/** The channels in the form's order, then any other channel the report holds (an import may bring one). */
function channelsOf(group: JourneyGroup<Count>): string[] {
  const seen = new Set(group.steps.flatMap((s) => Object.keys(s.channels)));
  const known: string[] = HOMEWORK_CHANNELS.filter((c) => seen.has(c));
  return [...known, ...[...seen].filter((c) => !known.includes(c)).sort()];
}

export function journeyMapTitle(group: JourneyGroup<Count>, locale: Locale, options: ChartOptions = {}): string {
  const l = chartLabels(locale, options);
  return l.t('journeyCharts.map.title', {
    organisation: group.organisation,
    quadrant: l.quadrant(group.quadrant),
    respondents: l.respondents(group.respondents),
  });
}

export function journeyMapSpec(group: JourneyGroup<Count>, locale: Locale, options: ChartOptions = {}): VegaLiteSpec {
  const l = chartLabels(locale, options);
  const cells = journeyMapCells(group, locale, options);
  const steps = HOMEWORK_STEPS.map((s) => l.step(s));
  const grid = (part: MapCell['part'], title: string) => {
    const values = cells.filter((c) => c.part === part);
    const rows = [...new Set(values.map((c) => c.row))];
    return {
      title: { text: title, anchor: 'start', fontSize: 13 },
      data: { values },
      width: STEP_WIDTH * steps.length,
      height: CELL * rows.length,
      encoding: {
        x: {
          field: 'step',
          type: 'nominal',
          sort: steps,
          scale: { domain: steps },
          axis: { orient: 'top', title: null, labelAngle: 0, labelFontSize: 11 },
        },
        y: { field: 'row', type: 'nominal', sort: rows, axis: { title: null, labelFontSize: 11, labelLimit: 400 } },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
          encoding: {
            color: { field: 'colour', type: 'nominal', scale: null },
            opacity: { field: 'opacity', type: 'quantitative', scale: null },
          },
        },
        {
          mark: { type: 'text', fontSize: 12, fontWeight: 'bold', color: '#000000' },
          encoding: { text: { field: 'label' } },
        },
      ],
    };
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: journeyMapTitle(group, locale, options), anchor: 'start', fontSize: 15 },
    vconcat: [
      grid('ratings', l.t('journeyCharts.map.ratings')),
      ...(cells.some((c) => c.part === 'channels') ? [grid('channels', l.t('journeyCharts.map.channels'))] : []),
    ],
    config: baseConfig(),
  };
}

export function journeyMapTable(group: JourneyGroup<Count>, locale: Locale, options: ChartOptions = {}): ChartTable {
  const l = chartLabels(locale, options);
  const asking = stepsAskingChannels(group);
  const notAsked = l.t('journeyCharts.notAsked');
  return {
    caption: journeyMapTitle(group, locale, options),
    columns: [l.t('journeyCharts.table.row'), ...group.steps.map((s) => l.step(s.step))],
    rows: [
      ...RATING_ROWS.map((r) => ({ header: l.rating(r), cells: group.steps.map((s) => l.count(s.ratings[r])) })),
      ...channelsOf(group).map((c) => ({
        header: l.channel(c),
        cells: group.steps.map((s) => (asking.has(s.step) ? l.count(channelCount(s.channels, c)) : notAsked)),
      })),
    ],
  };
}

// ----------------------------------------------------------------------------------- the cause classes

/** A cause class summed over a group's steps; `atLeast` when a step's count is suppressed (see causeTotals). */
export interface CauseTotal {
  value: Count;
  atLeast: boolean;
}

/**
 * A group's cause classes summed over its steps. Where one step's count is suppressed the exact sum would give it
 * away (sum minus the others), so only what the table already tells is shown: at least the known counts plus one
 * per suppressed count. A group suppressed whole (n < k) has no totals at all.
 */
export function causeTotals(group: JourneyGroup<Count>): Record<CauseColumn, CauseTotal> {
  const whole = group.respondents === null;
  const total = (c: CauseColumn): CauseTotal => {
    if (whole) return { value: null, atLeast: false };
    const counts = group.steps.map((s) => s.causes[c]);
    const known = counts.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    const hidden = counts.filter((v) => v === null).length;
    return { value: known + hidden, atLeast: hidden > 0 };
  };
  return Object.fromEntries(CAUSE_CLASSES.map((c) => [c, total(c)])) as Record<CauseColumn, CauseTotal>;
}

export interface CauseBar {
  organisation: string;
  group: string;
  cause: string;
  start: number;
  end: number;
  mid: number;
  label: string;
  colour: string;
}

function showTotal(t: CauseTotal, l: ReturnType<typeof chartLabels>): string {
  return t.atLeast && t.value !== null ? l.atLeast(t.value) : l.count(t.value);
}

const groupLabel = (g: JourneyGroup<Count>, l: ReturnType<typeof chartLabels>) =>
  `${l.quadrant(g.quadrant)} (${l.respondents(g.respondents)})`;

/** One segment per group and cause class, stacked in the classes' order; a suppressed group gets one empty mark. */
export function causeBars(report: JourneyReport<Count>, locale: Locale, options: ChartOptions = {}): CauseBar[] {
  const l = chartLabels(locale, options);
  return report.groups.flatMap((g) => {
    const totals = causeTotals(g);
    let start = 0;
    return CAUSE_CLASSES.map((c) => {
      const value = totals[c].value ?? 0;
      const bar = {
        organisation: g.organisation,
        group: groupLabel(g, l),
        cause: l.cause(c),
        start,
        end: start + value,
        mid: start + value / 2,
        label: showTotal(totals[c], l),
        colour: CAUSE_COLOURS[c],
      };
      start += value;
      return bar;
    });
  });
}

export function causeBarsTitle(locale: Locale): string {
  return translator(locale)('journeyCharts.causes.title');
}

export function causeBarsSpec(report: JourneyReport<Count>, locale: Locale, options: ChartOptions = {}): VegaLiteSpec {
  const l = chartLabels(locale, options);
  const bars = causeBars(report, locale, options);
  const longest = Math.max(1, ...bars.map((b) => b.end));
  // A label is written inside its segment only where it fits; every number is in the table beside the picture.
  const values = bars.map((b) => ({
    ...b,
    inside: ((b.end - b.start) / longest) * BAR_WIDTH >= 8 * b.label.length + 6,
  }));
  const causes = CAUSE_CLASSES.map((c) => l.cause(c));
  const organisations = [...new Set(report.groups.map((g) => g.organisation))];
  const groupsPerOrganisation = Math.max(
    1,
    ...organisations.map((o) => report.groups.filter((g) => g.organisation === o).length),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: causeBarsTitle(locale), anchor: 'start', fontSize: 15 },
    data: { values },
    facet: {
      row: {
        field: 'organisation',
        type: 'nominal',
        sort: organisations,
        header: {
          title: null,
          labelAngle: 0,
          labelAlign: 'left',
          labelAnchor: 'start',
          labelOrient: 'top',
          labelFontSize: 13,
          labelFontWeight: 'bold',
        },
      },
    },
    spec: {
      width: BAR_WIDTH,
      height: CELL * groupsPerOrganisation,
      encoding: {
        y: { field: 'group', type: 'nominal', sort: null, axis: { title: null, labelFontSize: 11, labelLimit: 400 } },
      },
      layer: [
        {
          mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
          encoding: {
            x: {
              field: 'start',
              type: 'quantitative',
              scale: { domain: [0, longest] },
              axis: { title: l.t('journeyCharts.causes.axis'), tickMinStep: 1, format: 'd' },
            },
            x2: { field: 'end' },
            color: {
              field: 'cause',
              type: 'nominal',
              scale: { domain: causes, range: CAUSE_CLASSES.map((c) => CAUSE_COLOURS[c]) },
              legend: { title: null, orient: 'bottom', direction: 'horizontal', labelFontSize: 11 },
            },
          },
        },
        {
          transform: [{ filter: 'datum.inside' }],
          mark: { type: 'text', fontSize: 11, color: '#000000' },
          encoding: { x: { field: 'mid', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    config: baseConfig(),
  };
}

export function causeBarsTable(report: JourneyReport<Count>, locale: Locale, options: ChartOptions = {}): ChartTable {
  const l = chartLabels(locale, options);
  return {
    caption: causeBarsTitle(locale),
    columns: [
      l.t('journeyCharts.table.group'),
      l.t('journeyCharts.table.respondents'),
      ...CAUSE_CLASSES.map((c) => l.cause(c)),
    ],
    rows: report.groups.map((g) => {
      const totals = causeTotals(g);
      return {
        header: `${g.organisation} – ${l.quadrant(g.quadrant)}`,
        cells: [l.count(g.respondents), ...CAUSE_CLASSES.map((c) => showTotal(totals[c], l))],
      };
    }),
  };
}

function baseConfig() {
  return {
    // The picture is one image to assistive technology, named by its title; its table says the numbers.
    aria: false,
    font: FONT,
    background: '#ffffff',
    view: { stroke: null },
    axis: { domain: false, ticks: false, labelColor: '#1f2937', titleColor: '#1f2937' },
    title: { color: '#111827' },
  };
}
