// Pure checks on a study's settings and slots, shared by the API, the pages and the CLI.
import { fromDutchTime } from '../common/dutch-time';

export interface GroupSizeSettings {
  groupTargetSize: number;
  groupMinSize: number;
  groupMaxSize: number;
}

/** field -> problem, empty when fine */
export function groupSizeProblems(s: GroupSizeSettings): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (s.groupMinSize > s.groupTargetSize)
    problems.groupMinSize = [`must not be more than the target size (${s.groupTargetSize})`];
  if (s.groupMaxSize < s.groupTargetSize)
    problems.groupMaxSize = [`must not be less than the target size (${s.groupTargetSize})`];
  return problems;
}

export const SLOT_MODES = ['online', 'in_person'] as const;
export type SlotMode = (typeof SLOT_MODES)[number];

/** What a researcher (page: Dutch date and clock times) or a script (API: instants) sends for a new slot. */
export interface SlotInput {
  mode?: SlotMode;
  start?: string;
  end?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  onlineUrl?: string | null;
  location?: string | null;
}

export interface ResolvedSlot {
  startsAt: Date;
  endsAt: Date;
  onlineUrl: string | null;
  location: string | null;
}

/**
 * Problem codes per field (`slotProblem.<code>` words them for pages; SLOT_PROBLEM_TEXT for the API). A slot is
 * either online, with a link, or in person, with an address; on a page its times are read on a Dutch clock.
 */
export function resolveSlot(
  input: SlotInput,
  sessionMinutes: number,
  now: Date,
): { slot: ResolvedSlot } | { problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const add = (field: string, code: string) => (problems[field] ??= []).push(code);
  const byClock = input.date !== undefined || input.startTime !== undefined || input.endTime !== undefined;
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (byClock) {
    if (!input.date) add('date', 'required');
    if (!input.startTime) add('startTime', 'required');
    if (!input.endTime) add('endTime', 'required');
    if (input.date && input.startTime && input.endTime) {
      const start = fromDutchTime(input.date, input.startTime);
      const end = fromDutchTime(input.date, input.endTime);
      if ('problem' in start)
        add(start.problem === 'date' ? 'date' : 'startTime', start.problem === 'skipped' ? 'skippedHour' : 'invalid');
      else startsAt = start.instant;
      if ('problem' in end) {
        if (end.problem !== 'date') add('endTime', end.problem === 'skipped' ? 'skippedHour' : 'invalid');
      } else endsAt = end.instant;
    }
  } else {
    if (!input.start) add('start', 'required');
    if (!input.end) add('end', 'required');
    if (input.start && input.end) {
      startsAt = new Date(input.start);
      endsAt = new Date(input.end);
    }
  }
  if (startsAt && endsAt) {
    const endField = byClock ? 'endTime' : 'end';
    const startField = byClock ? 'startTime' : 'start';
    const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
    if (Number.isNaN(startsAt.getTime())) add(startField, 'invalid');
    else if (Number.isNaN(endsAt.getTime())) add(endField, 'invalid');
    // Nobody can be invited to a session that has begun; a start in the past is a typo (most often the year).
    else if (startsAt.getTime() <= now.getTime()) add(byClock ? 'date' : 'start', 'inPast');
    else if (minutes <= 0) add(endField, 'beforeStart');
    else if (minutes < sessionMinutes) add(endField, 'tooShort');
    else if (minutes > 12 * 60) add(endField, 'tooLong');
  }
  const onlineUrl = input.onlineUrl?.trim() || null;
  const location = input.location?.trim() || null;
  const mode = input.mode ?? (onlineUrl ? 'online' : location ? 'in_person' : undefined);
  if (!mode) add('mode', 'required');
  else if (mode === 'online' && !onlineUrl) add('onlineUrl', 'requiredOnline');
  else if (mode === 'online' && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(onlineUrl ?? '')) add('onlineUrl', 'invalidUrl');
  else if (mode === 'in_person' && !location) add('location', 'requiredInPerson');
  if (Object.keys(problems).length || !startsAt || !endsAt) return { problems };
  return {
    slot: {
      startsAt,
      endsAt,
      onlineUrl: mode === 'online' ? onlineUrl : null,
      location: mode === 'in_person' ? location : null,
    },
  };
}

/** The API's English wording of the problem codes (pages use slotProblem.<code> from the locale files). */
export const SLOT_PROBLEM_TEXT: Record<string, string> = {
  required: 'is required',
  invalid: 'is not a valid date or time',
  skippedHour: 'does not exist on that day: Dutch clocks jump from 02:00 to 03:00 for summer time',
  inPast: 'lies in the past',
  beforeStart: 'must be after the start',
  tooShort: "is too early: the study's sessions need more time",
  tooLong: 'must be on the same day as the start (at most 12 hours)',
  invalidUrl: 'must be a web address starting with https://',
  requiredOnline: 'is required for an online session (the link respondents join through)',
  requiredInPerson: 'is required for a session in person (the address respondents come to)',
};

export function slotModeOf(slot: { onlineUrl: string | null }): SlotMode {
  return slot.onlineUrl ? 'online' : 'in_person';
}
