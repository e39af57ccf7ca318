// The study's pipeline from screened to attended, per organisation × quadrant against the target, and what blocks
// the next step. Pure: no framework imports.
import { Quadrant, QUADRANTS, RespondentStatus } from '../common/domain';

export const STEPS = [
  'screened',
  'eligible',
  'grouped',
  'scheduled',
  'invited',
  'confirmed',
  'homeworkSent',
  'homeworkSubmitted',
  'attended',
] as const;
export type Step = (typeof STEPS)[number];

/** One respondent as the pipeline sees them: how far they got. */
export interface PipelinePerson {
  organisationId: number | null;
  quadrant: Quadrant | null;
  status: RespondentStatus;
  duplicate: boolean;
  /** A member (not a reserve) of a group. */
  grouped: boolean;
  /** Their group has a session that is not cancelled. */
  scheduled: boolean;
  /** Their invitation is open or accepted. */
  invited: boolean;
  confirmed: boolean;
  homeworkSent: boolean;
  homeworkSubmitted: boolean;
}

/** Still in the running: ineligible, declined and erased people drop out of every later step. */
const IN_PLAY: readonly RespondentStatus[] = ['eligible', 'grouped', 'invited', 'confirmed', 'participated'];

/** The furthest steps a person has reached, each implying the ones before it. */
export function stepsReached(p: PipelinePerson): Set<Step> {
  const reached = new Set<Step>();
  if (p.duplicate) return reached;
  reached.add('screened');
  if (!IN_PLAY.includes(p.status)) return reached;
  reached.add('eligible');
  const attended = p.status === 'participated';
  const flags: [Step, boolean][] = [
    ['grouped', p.grouped || attended],
    ['scheduled', p.scheduled || attended],
    ['invited', p.invited || attended],
    ['confirmed', p.confirmed || attended],
    ['homeworkSent', p.homeworkSent],
    ['homeworkSubmitted', p.homeworkSubmitted],
    ['attended', attended],
  ];
  for (const [step, yes] of flags) if (yes) reached.add(step);
  return reached;
}

export interface PipelineSettings {
  groupsPerQuadrant: number;
  groupTargetSize: number;
}

export type StepCounts = Record<Step, number>;

export interface PipelineRow {
  organisationId: number;
  organisation: string;
  quadrant: Quadrant;
  counts: StepCounts;
  /** People to reach the end: the groups' places (groups per quadrant × group size). */
  target: number;
}

export interface PipelineTable {
  rows: PipelineRow[];
  totals: StepCounts;
  target: number;
  /** Respondents with no organisation or quadrant: screened, but in no cell. */
  unplaced: number;
}

const zero = (): StepCounts => Object.fromEntries(STEPS.map((s) => [s, 0])) as StepCounts;

export function pipelineTable(
  people: readonly PipelinePerson[],
  organisations: readonly { id: number; name: string }[],
  settings: PipelineSettings,
): PipelineTable {
  const target = settings.groupsPerQuadrant * settings.groupTargetSize;
  const rows: PipelineRow[] = organisations.flatMap((o) =>
    QUADRANTS.map((quadrant) => ({ organisationId: o.id, organisation: o.name, quadrant, counts: zero(), target })),
  );
  const byKey = new Map(rows.map((r) => [`${r.organisationId}|${r.quadrant}`, r]));
  const totals = zero();
  let unplaced = 0;
  for (const p of people) {
    const reached = stepsReached(p);
    for (const step of reached) totals[step]++;
    const row =
      p.organisationId !== null && p.quadrant !== null ? byKey.get(`${p.organisationId}|${p.quadrant}`) : undefined;
    if (!row) {
      if (reached.size) unplaced++;
      continue;
    }
    for (const step of reached) row.counts[step]++;
  }
  return { rows, totals, target: target * rows.length, unplaced };
}

/** The facts the blockers are read from; the service counts them. */
export interface StudyState {
  respondents: number;
  slots: number;
  /** Eligible and in no group (not even as a reserve). */
  ungrouped: number;
  groups: { proposed: number; kept: number };
  /** Active moderators of the study; a session needs two. */
  moderators: number;
  /** Confirmed or locked groups without a session. */
  unscheduledGroups: number;
  /**
   * Of those, the groups a scheduler run would not place now, by what they wait for: two moderators free at a slot the
   * members can make, or such a slot with room that has not begun.
   */
  unplaceable: { moderators: number; slots: number };
  /** Scheduled sessions ahead whose invitations have not gone out. */
  uninvitedSessions: number;
  /**
   * Members put in a group by hand after its invitations went out, who got none (with an address, session ahead),
   * and the first of their sessions.
   */
  uninvitedMembers: { count: number; firstSessionId: number | null };
  /** Invited or confirmed members of scheduled groups without homework. */
  homeworkDue: number;
  /** Sessions that have started with members not yet marked present or absent; the first one's id. */
  unmarkedSessions: { count: number; firstId: number | null };
  /** Cells where fewer people are in play than the groups need (with reserves). */
  shortCells: { organisation: string; quadrant: Quadrant; count: number; target: number }[];
}

export type BlockerCode =
  | 'no-respondents'
  | 'short-cells'
  | 'no-slots'
  | 'ungrouped'
  | 'proposed-groups'
  | 'no-moderators'
  | 'moderators-full'
  | 'slots-unusable'
  | 'unscheduled-groups'
  | 'uninvited-sessions'
  | 'uninvited-members'
  | 'homework-due'
  | 'unmarked-sessions';
/** A bulk action is confirmed on its own page; a link leads to the page where the step is done. */
export type BulkAction = 'confirm-groups' | 'invite' | 'homework';
export type Remedy =
  | { bulk: BulkAction }
  | { page: 'import' | 'settings' | 'groups' | 'moderators' | 'schedule' | 'invite-missing' | 'attendance' };

export interface Blocker {
  code: BlockerCode;
  count: number;
  remedy: Remedy;
}

/** What stands in the way, in pipeline order; the first one is the next thing to do. */
export function blockers(s: StudyState): Blocker[] {
  const out: Blocker[] = [];
  if (s.respondents === 0) out.push({ code: 'no-respondents', count: 0, remedy: { page: 'import' } });
  else if (s.shortCells.length)
    out.push({ code: 'short-cells', count: s.shortCells.length, remedy: { page: 'import' } });
  if (s.slots === 0) out.push({ code: 'no-slots', count: 0, remedy: { page: 'settings' } });
  if (s.ungrouped > 0 && s.groups.proposed + s.groups.kept === 0)
    out.push({ code: 'ungrouped', count: s.ungrouped, remedy: { page: 'groups' } });
  if (s.groups.proposed > 0)
    out.push({ code: 'proposed-groups', count: s.groups.proposed, remedy: { bulk: 'confirm-groups' } });
  const tooFew = s.moderators < 2 && s.groups.kept > 0;
  if (tooFew) out.push({ code: 'no-moderators', count: s.moderators, remedy: { page: 'moderators' } });
  // The schedule page is the next step only for groups a run would place; the others wait for what they lack.
  else if (s.unplaceable.moderators > 0)
    out.push({ code: 'moderators-full', count: s.unplaceable.moderators, remedy: { page: 'moderators' } });
  if (s.unplaceable.slots > 0)
    out.push({ code: 'slots-unusable', count: s.unplaceable.slots, remedy: { page: 'settings' } });
  const placeable = s.unscheduledGroups - s.unplaceable.moderators - s.unplaceable.slots;
  if (placeable > 0) out.push({ code: 'unscheduled-groups', count: placeable, remedy: { page: 'schedule' } });
  if (s.uninvitedSessions > 0)
    out.push({ code: 'uninvited-sessions', count: s.uninvitedSessions, remedy: { bulk: 'invite' } });
  // Nothing invites them by itself: the session's "invite missing" on the schedule does, once asked.
  if (s.uninvitedMembers.count > 0)
    out.push({ code: 'uninvited-members', count: s.uninvitedMembers.count, remedy: { page: 'invite-missing' } });
  if (s.homeworkDue > 0) out.push({ code: 'homework-due', count: s.homeworkDue, remedy: { bulk: 'homework' } });
  if (s.unmarkedSessions.count > 0)
    out.push({ code: 'unmarked-sessions', count: s.unmarkedSessions.count, remedy: { page: 'attendance' } });
  return out;
}
