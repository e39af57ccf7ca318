import { Locale } from '../common/domain';
import {
  DEFAULT_TIME_ZONE,
  ModeratorBlock,
  ModeratorBlockCause,
  SlotDiagnosis,
  UnplacedCode,
  Violation,
  ViolationCode,
  describeUnplaced,
  describeViolation,
  formatSlotLabel,
  localDayKey,
} from './explain';
import type { Translator } from '../common/i18n';
import { hasBegun } from './session-begun';

export const DEFAULT_MAX_SESSIONS_PER_DAY = 2;
export const DEFAULT_MIN_REST_MINUTES = 30;
/** Displacement attempts the repair step may make; keeps the worst case fast whatever the input. */
export const DEFAULT_REPAIR_BUDGET = 20_000;
const REPAIR_DEPTH = 2;

export interface SchedSlot {
  id: number;
  start: Date;
  end: Date;
  /** Most groups in this slot at once; null or absent means unlimited. */
  capacity?: number | null;
  label?: string;
}

export interface SchedModerator {
  id: number;
  name: string;
  /** Slots this moderator can do. */
  slotIds: number[];
  maxPerDay?: number;
  minRestMinutes?: number;
}

export interface SchedGroup {
  id: number;
  /** e.g. "RET × gemakzoeker" */
  label: string;
  memberCount: number;
  /** Slots where all members are available. */
  availableSlotIds: number[];
}

export interface FixedAssignment {
  groupId: number;
  slotId: number;
  leadId: number;
  noteTakerId: number;
}

export interface ScheduleInput {
  groups: SchedGroup[];
  slots: SchedSlot[];
  moderators: SchedModerator[];
  /** Sessions that stay where they are (already invited, moved by hand, or another study's); they count for every rule. */
  fixed?: FixedAssignment[];
  timeZone?: string;
  /**
   * Slots that start at or before this instant take no new group: nobody can be invited to a session that has
   * begun. Fixed sessions in them stay. Without it every slot counts.
   */
  now?: Date;
  /** Writes the reasons, in the reader's language. */
  t: Translator;
  /** false gives the plain greedy (used as the benchmark baseline). */
  repair?: boolean;
  repairBudget?: number;
}

export interface UnplacedGroup {
  groupId: number;
  code: UnplacedCode;
  reason: string;
  closest?: SlotDiagnosis;
}

export interface ScheduleResult {
  /** Every session after scheduling, fixed ones included, ordered by group id. */
  assignments: FixedAssignment[];
  unplaced: UnplacedGroup[];
  stats: { placedByGreedy: number; placedByRepair: number; repairAttempts: number };
}

export interface CheckContext {
  groups: SchedGroup[];
  slots: SchedSlot[];
  moderators: SchedModerator[];
  /** The current schedule; entries for the groups being changed are replaced. */
  assignments: FixedAssignment[];
  timeZone?: string;
  /**
   * A session whose slot starts at or before this instant has begun: it is not changed any more, and no session
   * moves into such a slot (as the scheduler places no group there). Without it every slot counts.
   */
  now?: Date;
  /** Writes the reasons, in the reader's language. */
  t: Translator;
}

export type CheckResult = { ok: true } | { ok: false; groupId: number; code: ViolationCode; reason: string };

interface Placement {
  slot: number;
  lead: number;
  note: number;
  fixed: boolean;
}

interface Block {
  cause: ModeratorBlockCause;
  /** Group whose session causes an overlap or rest conflict. */
  otherGroupId?: number;
}

/**
 * The slots, moderators and current placements with every rule as a cheap lookup.
 * Works on array indices (slots ordered by start, moderators by id) so iteration order, and so the result, is deterministic.
 */
class Board {
  readonly slots: SchedSlot[];
  readonly mods: SchedModerator[];
  readonly slotIndex = new Map<number, number>();
  readonly modIndex = new Map<number, number>();
  readonly modsBySlot: number[][];
  private readonly canDo: Uint8Array;
  private readonly gapMinutes: Float64Array;
  readonly day: number[];
  private readonly dayCount: Int32Array;
  readonly slotCount: Int32Array;
  readonly dayLoad: Int32Array;
  readonly sessions: { slot: number; groupId: number }[][];
  readonly leadCount: Int32Array;
  readonly noteCount: Int32Array;
  readonly placements = new Map<number, Placement>();
  private readonly days: number;

  constructor(
    slots: SchedSlot[],
    moderators: SchedModerator[],
    readonly timeZone: string,
  ) {
    this.slots = [...slots].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
    this.mods = [...moderators].sort((a, b) => a.id - b.id);
    this.slots.forEach((s, i) => this.slotIndex.set(s.id, i));
    this.mods.forEach((m, i) => this.modIndex.set(m.id, i));
    const n = this.slots.length;
    const dayKeys = new Map<string, number>();
    this.day = this.slots.map((s) => {
      const key = localDayKey(s.start, timeZone);
      if (!dayKeys.has(key)) dayKeys.set(key, dayKeys.size);
      return dayKeys.get(key)!;
    });
    this.days = dayKeys.size;
    this.gapMinutes = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const a = this.slots[i];
        const b = this.slots[j];
        // Negative when the two overlap (a slot overlaps itself).
        const gap = Math.max(a.start.getTime(), b.start.getTime()) - Math.min(a.end.getTime(), b.end.getTime());
        this.gapMinutes[i * n + j] = gap / 60_000;
      }
    }
    this.canDo = new Uint8Array(this.mods.length * n);
    this.modsBySlot = this.slots.map(() => []);
    this.mods.forEach((m, mi) => {
      for (const id of new Set(m.slotIds)) {
        const si = this.slotIndex.get(id);
        if (si === undefined) continue;
        this.canDo[mi * n + si] = 1;
        this.modsBySlot[si].push(mi);
      }
    });
    this.dayCount = new Int32Array(this.mods.length * Math.max(1, this.days));
    this.slotCount = new Int32Array(n);
    this.dayLoad = new Int32Array(Math.max(1, this.days));
    this.sessions = this.mods.map(() => []);
    this.leadCount = new Int32Array(this.mods.length);
    this.noteCount = new Int32Array(this.mods.length);
  }

  maxPerDay(mi: number): number {
    return this.mods[mi].maxPerDay ?? DEFAULT_MAX_SESSIONS_PER_DAY;
  }

  minRest(mi: number): number {
    return this.mods[mi].minRestMinutes ?? DEFAULT_MIN_REST_MINUTES;
  }

  canModerate(mi: number, si: number): boolean {
    return this.canDo[mi * this.slots.length + si] === 1;
  }

  capacityFull(si: number): boolean {
    const cap = this.slots[si].capacity;
    return cap !== null && cap !== undefined && this.slotCount[si] >= cap;
  }

  /** Why moderator mi cannot take a session in slot si right now (ignoring whether they listed the slot), or null. */
  blockOf(mi: number, si: number): Block | null {
    const n = this.slots.length;
    const rest = this.minRest(mi);
    let restConflict: Block | null = null;
    for (const s of this.sessions[mi]) {
      const gap = this.gapMinutes[si * n + s.slot];
      if (gap < 0) return { cause: 'overlap', otherGroupId: s.groupId };
      if (gap < rest && !restConflict) restConflict = { cause: 'rest', otherGroupId: s.groupId };
    }
    if (restConflict) return restConflict;
    if (this.dayCount[mi * this.days + this.day[si]] >= this.maxPerDay(mi)) return { cause: 'daily-max' };
    return null;
  }

  freeModerators(si: number): number[] {
    return this.modsBySlot[si].filter((mi) => this.blockOf(mi, si) === null);
  }

  load(mi: number): number {
    return this.leadCount[mi] + this.noteCount[mi];
  }

  /** Least-loaded pair (fewest sessions, then fewest that day, then id); the one with fewer leads so far leads. */
  choosePair(si: number, free: number[]): [number, number] | null {
    if (free.length < 2) return null;
    const d = this.day[si];
    const ranked = [...free].sort(
      (a, b) =>
        this.load(a) - this.load(b) ||
        this.dayCount[a * this.days + d] - this.dayCount[b * this.days + d] ||
        this.mods[a].id - this.mods[b].id,
    );
    const [x, y] = ranked;
    const xLeads =
      this.leadCount[x] - this.leadCount[y] || this.load(x) - this.load(y) || this.mods[x].id - this.mods[y].id;
    return xLeads <= 0 ? [x, y] : [y, x];
  }

  place(groupId: number, p: Placement): void {
    this.placements.set(groupId, p);
    this.slotCount[p.slot]++;
    this.dayLoad[this.day[p.slot]]++;
    this.leadCount[p.lead]++;
    this.noteCount[p.note]++;
    for (const mi of [p.lead, p.note]) {
      this.sessions[mi].push({ slot: p.slot, groupId });
      this.dayCount[mi * this.days + this.day[p.slot]]++;
    }
  }

  remove(groupId: number): Placement {
    const p = this.placements.get(groupId)!;
    this.placements.delete(groupId);
    this.slotCount[p.slot]--;
    this.dayLoad[this.day[p.slot]]--;
    this.leadCount[p.lead]--;
    this.noteCount[p.note]--;
    for (const mi of [p.lead, p.note]) {
      this.sessions[mi] = this.sessions[mi].filter((s) => s.groupId !== groupId);
      this.dayCount[mi * this.days + this.day[p.slot]]--;
    }
    return p;
  }

  toAssignment(groupId: number, p: Placement): FixedAssignment {
    return { groupId, slotId: this.slots[p.slot].id, leadId: this.mods[p.lead].id, noteTakerId: this.mods[p.note].id };
  }

  /** Adds a known assignment without checking it; throws on ids that do not exist. */
  placeAssignment(a: FixedAssignment, fixed: boolean): void {
    const slot = this.slotIndex.get(a.slotId);
    const lead = this.modIndex.get(a.leadId);
    const note = this.modIndex.get(a.noteTakerId);
    if (slot === undefined || lead === undefined || note === undefined) {
      throw new Error(`Assignment of group ${a.groupId} refers to an unknown slot or moderator`);
    }
    this.place(a.groupId, { slot, lead, note, fixed });
  }

  label(si: number, locale: Locale): string {
    return formatSlotLabel(this.slots[si].start, locale, this.timeZone);
  }
}

interface GroupInfo {
  group: SchedGroup;
  /** Indices of known slots where all members are available and that have not started, in chronological order. */
  slots: number[];
  /** Known slots where all members are available but that have started. */
  started: number;
}

class Scheduler {
  private readonly demand: Int32Array;
  private readonly byId: Map<number, GroupInfo>;
  attempts = 0;

  constructor(
    private readonly board: Board,
    private readonly groups: GroupInfo[],
    private readonly budget: number,
  ) {
    this.demand = new Int32Array(board.slots.length);
    this.byId = new Map(groups.map((g) => [g.group.id, g]));
  }

  /** Most-constrained group first, re-evaluated after every placement; least-crowded slot for it. */
  greedy(): GroupInfo[] {
    const b = this.board;
    const open = this.groups.filter((g) => !b.placements.has(g.group.id));
    for (const g of open) for (const s of g.slots) this.demand[s]++;
    const failed: GroupInfo[] = [];
    while (open.length) {
      const freeCount = b.slots.map((_, si) => (b.capacityFull(si) ? 0 : b.freeModerators(si).length));
      let best = -1;
      let bestOptions = Infinity;
      for (let i = 0; i < open.length; i++) {
        let options = 0;
        for (const s of open[i].slots) if (freeCount[s] >= 2) options++;
        const g = open[i];
        const cur = best >= 0 ? open[best] : undefined;
        if (
          options < bestOptions ||
          (options === bestOptions && cur && (g.slots.length - cur.slots.length || g.group.id - cur.group.id) < 0)
        ) {
          best = i;
          bestOptions = options;
        }
      }
      const g = open.splice(best, 1)[0];
      for (const s of g.slots) this.demand[s]--;
      if (bestOptions === 0 || !this.placeDirect(g)) failed.push(g);
    }
    return failed;
  }

  /** Tries to place each failed group by moving up to REPAIR_DEPTH other groups elsewhere, within the budget. */
  repair(failed: GroupInfo[]): GroupInfo[] {
    const stillFailed: GroupInfo[] = [];
    for (const g of failed) {
      if (!this.tryPlace(g, REPAIR_DEPTH, new Set([g.group.id]))) stillFailed.push(g);
    }
    // A move made for one group can free room for an earlier one.
    return stillFailed.filter((g) => !this.placeDirect(g));
  }

  placeDirect(g: GroupInfo): boolean {
    const b = this.board;
    let bestSlot = -1;
    let bestFree: number[] = [];
    for (const s of g.slots) {
      if (b.capacityFull(s)) continue;
      const free = b.freeModerators(s);
      if (free.length < 2) continue;
      if (bestSlot < 0 || this.slotPreference(s, bestSlot) < 0) {
        bestSlot = s;
        bestFree = free;
      }
    }
    if (bestSlot < 0) return false;
    const [lead, note] = b.choosePair(bestSlot, bestFree)!;
    b.place(g.group.id, { slot: bestSlot, lead, note, fixed: false });
    return true;
  }

  /** Negative when slot a is preferred: fewer groups in it, a quieter day, less wanted by groups still open, earlier. */
  private slotPreference(a: number, b: number): number {
    const board = this.board;
    return (
      board.slotCount[a] - board.slotCount[b] ||
      board.dayLoad[board.day[a]] - board.dayLoad[board.day[b]] ||
      this.demand[a] - this.demand[b] ||
      a - b
    );
  }

  private tryPlace(g: GroupInfo, depth: number, moving: Set<number>): boolean {
    if (this.placeDirect(g)) return true;
    if (depth === 0) return false;
    const b = this.board;
    for (const s of g.slots) {
      for (const otherId of this.blockersOf(s, moving)) {
        if (this.attempts >= this.budget) return false;
        this.attempts++;
        const saved = b.remove(otherId);
        const free = b.capacityFull(s) ? [] : b.freeModerators(s);
        const pair = b.choosePair(s, free);
        if (pair) {
          b.place(g.group.id, { slot: s, lead: pair[0], note: pair[1], fixed: false });
          const other = this.byId.get(otherId)!;
          if (this.tryPlace(other, depth - 1, new Set([...moving, otherId]))) return true;
          b.remove(g.group.id);
        }
        b.place(otherId, saved);
      }
    }
    return false;
  }

  /** Movable groups whose session keeps slot s from working: they fill it, or they occupy a moderator who could do it. */
  private blockersOf(s: number, moving: Set<number>): number[] {
    const b = this.board;
    const ids = new Set<number>();
    if (b.capacityFull(s)) {
      for (const [id, p] of b.placements) if (p.slot === s) ids.add(id);
    } else {
      for (const mi of b.modsBySlot[s]) {
        const block = b.blockOf(mi, s);
        if (!block) continue;
        if (block.otherGroupId !== undefined) ids.add(block.otherGroupId);
        else for (const sess of b.sessions[mi]) if (b.day[sess.slot] === b.day[s]) ids.add(sess.groupId);
      }
    }
    return [...ids].filter((id) => !moving.has(id) && b.placements.get(id)?.fixed === false).sort((x, y) => x - y);
  }
}

function diagnose(board: Board, si: number, t: Translator): SlotDiagnosis {
  const slot = board.slots[si];
  const free: number[] = [];
  const blocked: ModeratorBlock[] = [];
  for (const mi of board.modsBySlot[si]) {
    const block = board.blockOf(mi, si);
    const mod = board.mods[mi];
    if (!block) free.push(mod.id);
    else {
      const limit = block.cause === 'daily-max' ? board.maxPerDay(mi) : block.cause === 'rest' ? board.minRest(mi) : 0;
      blocked.push({ moderatorId: mod.id, name: mod.name, cause: block.cause, limit });
    }
  }
  return {
    slotId: slot.id,
    slotLabel: board.label(si, t.locale),
    capacity: slot.capacity ?? null,
    capacityFull: board.capacityFull(si),
    moderatorsListing: board.modsBySlot[si].length,
    freeModeratorIds: free,
    blocked,
  };
}

function deficit(d: SlotDiagnosis): number {
  return (d.capacityFull ? 1 : 0) + Math.max(0, 2 - d.freeModeratorIds.length);
}

function explainUnplaced(board: Board, g: GroupInfo, t: Translator): UnplacedGroup {
  if (!g.slots.length) {
    const code = g.started ? 'slots-started' : 'no-common-slot';
    return { groupId: g.group.id, code, reason: describeUnplaced(code, g.group.memberCount, t) };
  }
  let closest: SlotDiagnosis | undefined;
  for (const s of g.slots) {
    const d = diagnose(board, s, t);
    if (!closest || deficit(d) < deficit(closest)) closest = d;
  }
  return {
    groupId: g.group.id,
    code: 'no-free-slot',
    reason: describeUnplaced('no-free-slot', g.group.memberCount, t, closest),
    closest,
  };
}

function groupInfos(board: Board, groups: SchedGroup[], now: Date | undefined): GroupInfo[] {
  const hasStarted = (si: number) => now !== undefined && hasBegun({ startsAt: board.slots[si].start }, now);
  return [...groups]
    .sort((a, b) => a.id - b.id)
    .map((group) => {
      const known = [...new Set(group.availableSlotIds)]
        .map((id) => board.slotIndex.get(id))
        .filter((i): i is number => i !== undefined)
        .sort((a, b) => a - b);
      const slots = known.filter((si) => !hasStarted(si));
      return { group, slots, started: known.length - slots.length };
    });
}

/**
 * Places every group that has no fixed session into a slot that has not started and where all its members are
 * available, with a lead and a note-taker who are both free (overlap, rest time, daily maximum) and the slot's
 * capacity respected.
 * Deterministic: the same input always gives the same schedule.
 */
export function scheduleGroups(input: ScheduleInput): ScheduleResult {
  const board = new Board(input.slots, input.moderators, input.timeZone ?? DEFAULT_TIME_ZONE);
  for (const a of input.fixed ?? []) board.placeAssignment(a, true);
  const groups = groupInfos(board, input.groups, input.now);
  const scheduler = new Scheduler(board, groups, input.repairBudget ?? DEFAULT_REPAIR_BUDGET);
  const failedGreedy = scheduler.greedy();
  const failed = input.repair === false ? failedGreedy : scheduler.repair(failedGreedy);
  const placedByGreedy = groups.filter((g) => !board.placements.get(g.group.id)?.fixed).length - failedGreedy.length;
  const assignments = [...board.placements.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, p]) => board.toAssignment(id, p));
  return {
    assignments,
    unplaced: failed.map((g) => explainUnplaced(board, g, input.t)),
    stats: { placedByGreedy, placedByRepair: failedGreedy.length - failed.length, repairAttempts: scheduler.attempts },
  };
}

function violationOf(
  board: Board,
  groups: Map<number, SchedGroup>,
  c: FixedAssignment,
  locale: Locale,
): Violation | null {
  const group = groups.get(c.groupId);
  if (!group) return { code: 'unknown-group', groupId: c.groupId };
  const si = board.slotIndex.get(c.slotId);
  if (si === undefined) return { code: 'unknown-slot', slotId: c.slotId };
  for (const id of [c.leadId, c.noteTakerId]) {
    if (!board.modIndex.has(id)) return { code: 'unknown-moderator', moderatorId: id };
  }
  if (c.leadId === c.noteTakerId) return { code: 'same-moderator' };
  const slotLabel = board.label(si, locale);
  if (!group.availableSlotIds.includes(c.slotId))
    return { code: 'members-unavailable', groupLabel: group.label, slotLabel };
  if (board.capacityFull(si)) return { code: 'capacity-full', slotLabel, capacity: board.slots[si].capacity! };
  for (const id of [c.leadId, c.noteTakerId]) {
    const mi = board.modIndex.get(id)!;
    const name = board.mods[mi].name;
    if (!board.canModerate(mi, si)) return { code: 'moderator-unavailable', name, slotLabel };
    const block = board.blockOf(mi, si);
    if (!block) continue;
    const otherGroupLabel = groups.get(block.otherGroupId!)?.label ?? `#${block.otherGroupId}`;
    if (block.cause === 'overlap') return { code: 'moderator-overlap', name, slotLabel, otherGroupLabel };
    if (block.cause === 'rest') return { code: 'moderator-rest', name, minutes: board.minRest(mi), otherGroupLabel };
    return { code: 'moderator-daily-max', name, max: board.maxPerDay(mi), slotLabel };
  }
  return null;
}

/**
 * A session that has begun keeps its slot and moderators (its invitations and attendance are about them), and no
 * session moves into a slot that has begun: nobody could be invited to it in time.
 */
function startedViolation(
  board: Board,
  groups: Map<number, SchedGroup>,
  before: FixedAssignment | undefined,
  c: FixedAssignment,
  context: CheckContext,
): Violation | null {
  const now = context.now;
  if (!now) return null;
  const started = (slotId: number) => {
    const si = board.slotIndex.get(slotId);
    return si !== undefined && hasBegun({ startsAt: board.slots[si].start }, now) ? si : undefined;
  };
  const slotLabel = (si: number) => board.label(si, context.t.locale);
  const changed =
    before && (before.slotId !== c.slotId || before.leadId !== c.leadId || before.noteTakerId !== c.noteTakerId);
  const was = before && started(before.slotId);
  if (changed && was !== undefined)
    return {
      code: 'session-started',
      groupLabel: groups.get(c.groupId)?.label ?? `#${c.groupId}`,
      slotLabel: slotLabel(was),
    };
  const to = before?.slotId === c.slotId ? undefined : started(c.slotId);
  return to === undefined ? null : { code: 'slot-started', slotLabel: slotLabel(to) };
}

/**
 * Checks manual changes (a move, or a swap touching two sessions) against the scheduler's rules. The changed groups'
 * current sessions are set aside first, then the changes are checked one by one so they must also fit each other.
 */
export function checkAssignments(changes: FixedAssignment[], context: CheckContext): CheckResult {
  const locale = context.t.locale;
  const board = new Board(context.slots, context.moderators, context.timeZone ?? DEFAULT_TIME_ZONE);
  const changing = new Set(changes.map((c) => c.groupId));
  for (const a of context.assignments) if (!changing.has(a.groupId)) board.placeAssignment(a, true);
  const groups = new Map(context.groups.map((g) => [g.id, g]));
  const current = new Map(context.assignments.map((a) => [a.groupId, a]));
  for (const c of changes) {
    const v =
      startedViolation(board, groups, current.get(c.groupId), c, context) ?? violationOf(board, groups, c, locale);
    if (v) return { ok: false, groupId: c.groupId, code: v.code, reason: describeViolation(v, context.t) };
    board.placeAssignment(c, true);
  }
  return { ok: true };
}

export function checkAssignment(candidate: FixedAssignment, context: CheckContext): CheckResult {
  return checkAssignments([candidate], context);
}
