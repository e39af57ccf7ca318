// Scheduling speed: 200 groups, 60 slots, 20 moderators must be placed in under a second.
// Compares the full scheduler (greedy + repair) with the plain greedy as baseline, on a typical and a tight instance.
import { ScheduleInput, SchedGroup, SchedModerator, SchedSlot, scheduleGroups } from '../src/scheduling/assignment';
import { mulberry32 } from '../src/common/random';
import { translator } from '../src/common/view-engine';

const RUNS = 15;
const LIMIT_MS = 1000;

function pick<T>(items: T[], share: number, random: () => number): T[] {
  const chosen = items.filter(() => random() < share);
  return chosen.length ? chosen : [items[Math.floor(random() * items.length)]];
}

/** Three working weeks in March 2026 (CET, UTC+1), four sessions a day: 09:30, 13:00, 16:00 and 19:00 local. */
export function makeInput(seed: number, moderatorShare: number, groupShare: number): ScheduleInput {
  const random = mulberry32(seed);
  const days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20];
  const startsUtc = [
    [8, 30],
    [12, 0],
    [15, 0],
    [18, 0],
  ];
  const slots: SchedSlot[] = [];
  for (const day of days) {
    for (const [h, m] of startsUtc) {
      const start = new Date(Date.UTC(2026, 2, day, h, m));
      slots.push({ id: slots.length + 1, start, end: new Date(start.getTime() + 120 * 60_000), capacity: 4 });
    }
  }
  const slotIds = slots.map((s) => s.id);
  const moderators: SchedModerator[] = Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    name: `Moderator ${i + 1}`,
    slotIds: pick(slotIds, moderatorShare, random),
    maxPerDay: 2,
    minRestMinutes: 30,
  }));
  const groups: SchedGroup[] = Array.from({ length: 200 }, (_, i) => ({
    id: i + 1,
    label: `Groep ${i + 1}`,
    memberCount: 3,
    availableSlotIds: pick(slotIds, groupShare, random),
  }));
  return { groups, slots, moderators, t: translator('nl') };
}

/**
 * Most groups any schedule could place, from a max flow that relaxes the moderator rules to counts:
 * group -> slot (capacity, and half the moderators who list it) -> day (half the moderator-sessions possible that day).
 */
function placementUpperBound(input: ScheduleInput): number {
  const dayOf = (s: SchedSlot) => s.start.toISOString().slice(0, 10);
  const days = [...new Set(input.slots.map(dayOf))];
  const g0 = 1;
  const s0 = g0 + input.groups.length;
  const d0 = s0 + input.slots.length;
  const sink = d0 + days.length;
  const residual = new Map<number, number>();
  const adjacent: number[][] = Array.from({ length: sink + 1 }, () => []);
  const key = (u: number, v: number) => u * (sink + 1) + v;
  const addEdge = (u: number, v: number, c: number) => {
    if (!residual.has(key(u, v)) && !residual.has(key(v, u))) {
      adjacent[u].push(v);
      adjacent[v].push(u);
    }
    residual.set(key(u, v), (residual.get(key(u, v)) ?? 0) + c);
    residual.set(key(v, u), residual.get(key(v, u)) ?? 0);
  };
  const slotIndex = new Map(input.slots.map((s, i) => [s.id, i]));
  input.groups.forEach((g, i) => {
    addEdge(0, g0 + i, 1);
    for (const id of g.availableSlotIds) addEdge(g0 + i, s0 + slotIndex.get(id)!, 1);
  });
  input.slots.forEach((s, i) => {
    const listing = input.moderators.filter((m) => m.slotIds.includes(s.id)).length;
    addEdge(s0 + i, d0 + days.indexOf(dayOf(s)), Math.min(s.capacity ?? Infinity, Math.floor(listing / 2)));
  });
  days.forEach((d, i) => {
    let moderatorSessions = 0;
    for (const m of input.moderators) {
      const listedThatDay = m.slotIds.filter((id) => dayOf(input.slots[slotIndex.get(id)!]) === d).length;
      moderatorSessions += Math.min(m.maxPerDay ?? 2, listedThatDay);
    }
    addEdge(d0 + i, sink, Math.floor(moderatorSessions / 2));
  });
  let flow = 0;
  for (;;) {
    const previous = new Array<number>(sink + 1).fill(-1);
    previous[0] = 0;
    const queue = [0];
    while (queue.length && previous[sink] < 0) {
      const u = queue.shift()!;
      for (const v of adjacent[u]) {
        if (previous[v] < 0 && residual.get(key(u, v))! > 0) {
          previous[v] = u;
          queue.push(v);
        }
      }
    }
    if (previous[sink] < 0) return flow;
    for (let v = sink; v !== 0; v = previous[v]) {
      const u = previous[v];
      residual.set(key(u, v), residual.get(key(u, v))! - 1);
      residual.set(key(v, u), residual.get(key(v, u))! + 1);
    }
    flow++;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(input: ScheduleInput): { ms: number; placed: number; stats: ReturnType<typeof scheduleGroups>['stats'] } {
  const durations: number[] = [];
  let result = scheduleGroups(input);
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    result = scheduleGroups(input);
    durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(durations), placed: result.assignments.length, stats: result.stats };
}

export function runSchedulingBench(): void {
  const scenarios = [
    { name: 'typical (moderators 60% of slots, groups 25%)', input: makeInput(1, 0.6, 0.25) },
    { name: 'tight (moderators 30% of slots, groups 10%)', input: makeInput(2, 0.3, 0.1) },
  ];
  const coldStart = process.hrtime.bigint();
  scheduleGroups(scenarios[1].input);
  const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
  // Warm the JIT on both variants first, so neither pays for compilation in its figure.
  for (let i = 0; i < 5; i++)
    for (const { input } of scenarios) for (const repair of [true, false]) scheduleGroups({ ...input, repair });
  console.log(`scheduling: 200 groups, 60 slots, 20 moderators; median of ${RUNS} runs after warm-up`);
  console.log(`  first call in a fresh process (tight, greedy + repair): ${coldMs.toFixed(1)} ms`);
  for (const { name, input } of scenarios) {
    const greedy = time({ ...input, repair: false });
    const full = time(input);
    const verdict = full.ms < LIMIT_MS ? 'OK' : 'TOO SLOW';
    console.log(`  ${name}`);
    console.log(
      `    greedy + repair: ${full.ms.toFixed(1)} ms, ${full.placed}/200 placed (${full.stats.placedByRepair} by repair, ${full.stats.repairAttempts} attempts) [${verdict}, limit ${LIMIT_MS} ms]`,
    );
    console.log(`    plain greedy:    ${greedy.ms.toFixed(1)} ms, ${greedy.placed}/200 placed`);
    console.log(`    time ratio full/greedy: ${(full.ms / greedy.ms).toFixed(2)}x`);
    console.log(`    upper bound on placeable groups (flow relaxation): ${placementUpperBound(input)}`);
  }
}

if (require.main === module) runSchedulingBench();
