import {
  CheckContext,
  FixedAssignment,
  SchedGroup,
  SchedModerator,
  SchedSlot,
  checkAssignment,
  checkAssignments,
  ScheduleInput,
  scheduleGroups as scheduleWith,
} from './assignment';
import { translator } from '../common/view-engine';

const nl = translator('nl');
const en = translator('en');
/** Reasons in Dutch unless a test asks for English. */
const scheduleGroups = (input: Omit<ScheduleInput, 't'> & { t?: ScheduleInput['t'] }) =>
  scheduleWith({ t: nl, ...input });

// 10 March 2026 is a Tuesday; Amsterdam is UTC+1 then, so local 10:00 is 09:00Z.
function slot(id: number, utcStart: string, minutes = 120, capacity?: number | null): SchedSlot {
  const start = new Date(utcStart);
  return { id, start, end: new Date(start.getTime() + minutes * 60_000), capacity };
}

function moderator(
  id: number,
  name: string,
  slotIds: number[],
  overrides: Partial<SchedModerator> = {},
): SchedModerator {
  return { id, name, slotIds, maxPerDay: 2, minRestMinutes: 30, ...overrides };
}

function group(id: number, availableSlotIds: number[], memberCount = 3): SchedGroup {
  return { id, label: `Groep ${id}`, memberCount, availableSlotIds };
}

const TUE_10 = '2026-03-10T09:00:00Z';
const TUE_14 = '2026-03-10T13:00:00Z';

function sessionsOf(assignments: FixedAssignment[], moderatorId: number): FixedAssignment[] {
  return assignments.filter((a) => a.leadId === moderatorId || a.noteTakerId === moderatorId);
}

describe('scheduleGroups', () => {
  it('places a group with two different moderators who can both do the slot', () => {
    const result = scheduleGroups({
      groups: [group(1, [1, 2])],
      slots: [slot(1, TUE_10), slot(2, TUE_14)],
      moderators: [moderator(1, 'Eva', [2]), moderator(2, 'Jan', [1, 2]), moderator(3, 'Piet', [1])],
    });
    expect(result.unplaced).toEqual([]);
    // Both slots work; the earlier one wins the tie, and only Jan and Piet can do it.
    expect(result.assignments).toEqual([{ groupId: 1, slotId: 1, leadId: 2, noteTakerId: 3 }]);
  });

  it('explains a group whose members share no slot, in Dutch by default and in English', () => {
    const input = {
      groups: [group(7, [])],
      slots: [slot(1, TUE_10)],
      moderators: [moderator(1, 'Eva', [1]), moderator(2, 'Jan', [1])],
    };
    expect(scheduleGroups(input).unplaced).toEqual([
      { groupId: 7, code: 'no-common-slot', reason: 'Geen moment waarop alle drie leden beschikbaar zijn.' },
    ]);
    expect(scheduleGroups({ ...input, t: en }).unplaced[0].reason).toBe(
      'No slot where all three members are available.',
    );
  });

  it('treats slot ids that do not exist as no common slot', () => {
    const result = scheduleGroups({ groups: [group(1, [99], 4)], slots: [slot(1, TUE_10)], moderators: [] });
    expect(result.unplaced[0]).toMatchObject({
      code: 'no-common-slot',
      reason: 'Geen moment waarop alle vier leden beschikbaar zijn.',
    });
  });

  it('explains a slot where only one moderator is still free', () => {
    const input = {
      groups: [group(1, [1]), group(2, [1])],
      slots: [slot(1, TUE_10)],
      moderators: [moderator(1, 'Eva', [1]), moderator(2, 'Jan', [1]), moderator(3, 'Piet', [1])],
    };
    const nl = scheduleGroups(input);
    expect(nl.assignments).toEqual([{ groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 }]);
    expect(nl.unplaced).toHaveLength(1);
    expect(nl.unplaced[0].groupId).toBe(2);
    expect(nl.unplaced[0].code).toBe('no-free-slot');
    expect(nl.unplaced[0].reason).toBe(
      'Geen moment waarop alle drie leden en twee moderatoren vrij zijn; dichtstbij: di 10 mrt 10:00 mist een tweede moderator ' +
        '(Eva: al in een sessie op dat moment; Jan: al in een sessie op dat moment).',
    );
    expect(nl.unplaced[0].closest).toMatchObject({
      slotId: 1,
      freeModeratorIds: [3],
      moderatorsListing: 3,
      capacityFull: false,
    });
    expect(scheduleGroups({ ...input, t: en }).unplaced[0].reason).toBe(
      'No slot where all three members and two moderators are free; closest: Tue 10 Mar 10:00 lacks a second moderator ' +
        '(Eva: already in a session at that time; Jan: already in a session at that time).',
    );
  });

  it('says so when too few moderators can do the slot at all', () => {
    const result = scheduleGroups({
      groups: [group(1, [1])],
      slots: [slot(1, TUE_10)],
      moderators: [moderator(1, 'Eva', [1]), moderator(2, 'Jan', [])],
      t: en,
    });
    expect(result.unplaced[0].reason).toBe(
      'No slot where all three members and two moderators are free; closest: Tue 10 Mar 10:00 lacks a second moderator ' +
        '(only one moderator can do this slot).',
    );
    const none = scheduleGroups({ groups: [group(1, [1])], slots: [slot(1, TUE_10)], moderators: [] });
    expect(none.unplaced[0].reason).toBe(
      'Geen moment waarop alle drie leden en twee moderatoren vrij zijn; dichtstbij: di 10 mrt 10:00 mist twee moderatoren ' +
        '(geen moderator kan op dit moment).',
    );
  });

  it('places no group in a slot that has started, and says so when only started slots were left', () => {
    // The clock stands at Tuesday 10 March 2026, 10:00 Amsterdam time: the 10:00 slot has just begun.
    const now = new Date(TUE_10);
    const input = {
      groups: [group(1, [1, 2]), group(2, [1], 4)],
      slots: [slot(1, TUE_10), slot(2, TUE_14)],
      moderators: [moderator(1, 'Eva', [1, 2]), moderator(2, 'Jan', [1, 2])],
      now,
    };
    const result = scheduleGroups(input);
    expect(result.assignments).toEqual([{ groupId: 1, slotId: 2, leadId: 1, noteTakerId: 2 }]);
    expect(result.unplaced).toEqual([
      {
        groupId: 2,
        code: 'slots-started',
        reason: 'Elk moment waarop alle vier leden beschikbaar zijn, is al begonnen; voeg een later moment toe.',
      },
    ]);
    expect(scheduleGroups({ ...input, t: en }).unplaced[0].reason).toBe(
      'Every slot where all four members are available has already started; add a later slot.',
    );
    // A minute earlier the 10:00 slot still takes a group; a fixed session in a started slot stays where it is.
    expect(scheduleGroups({ ...input, now: new Date(now.getTime() - 60_000) }).unplaced).toEqual([]);
    const fixed = [{ groupId: 2, slotId: 1, leadId: 1, noteTakerId: 2 }];
    expect(scheduleGroups({ ...input, fixed }).assignments).toEqual([
      { groupId: 1, slotId: 2, leadId: 2, noteTakerId: 1 },
      ...fixed,
    ]);
  });

  it('respects the daily maximum per moderator', () => {
    const result = scheduleGroups({
      groups: [group(1, [1]), group(2, [2])],
      slots: [slot(1, TUE_10), slot(2, TUE_14)],
      moderators: [moderator(1, 'Eva', [1, 2], { maxPerDay: 1 }), moderator(2, 'Jan', [1, 2], { maxPerDay: 1 })],
    });
    expect(result.assignments.map((a) => a.groupId)).toEqual([1]);
    expect(result.unplaced[0].reason).toBe(
      'Geen moment waarop alle drie leden en twee moderatoren vrij zijn; dichtstbij: di 10 mrt 14:00 mist twee moderatoren ' +
        '(Eva: dagmaximum van 1 sessie bereikt; Jan: dagmaximum van 1 sessie bereikt).',
    );
    expect(result.unplaced[0].closest?.blocked).toEqual([
      { moderatorId: 1, name: 'Eva', cause: 'daily-max', limit: 1 },
      { moderatorId: 2, name: 'Jan', cause: 'daily-max', limit: 1 },
    ]);
  });

  it('counts the daily maximum per Amsterdam calendar day, not per UTC day', () => {
    const mods = [moderator(1, 'Eva', [1, 2], { maxPerDay: 1 }), moderator(2, 'Jan', [1, 2], { maxPerDay: 1 })];
    // 21:00-23:00 on Tuesday and 00:30-02:30 on Wednesday in Amsterdam, both on 10 March in UTC.
    const acrossMidnight = scheduleGroups({
      groups: [group(1, [1]), group(2, [2])],
      slots: [slot(1, '2026-03-10T20:00:00Z'), slot(2, '2026-03-10T23:30:00Z')],
      moderators: mods,
    });
    expect(acrossMidnight.unplaced).toEqual([]);
    // 00:00 and 08:00 on Tuesday in Amsterdam, on two different UTC days.
    const sameLocalDay = scheduleGroups({
      groups: [group(1, [1]), group(2, [2])],
      slots: [slot(1, '2026-03-09T23:00:00Z'), slot(2, '2026-03-10T07:00:00Z')],
      moderators: mods,
      t: en,
    });
    expect(sameLocalDay.unplaced.map((u) => u.groupId)).toEqual([2]);
    expect(sameLocalDay.unplaced[0].reason).toContain('Eva: daily maximum of 1 session reached');
  });

  it('keeps the minimum rest between two sessions of one moderator', () => {
    const mods = [moderator(1, 'Eva', [1, 2]), moderator(2, 'Jan', [1, 2])];
    const tooClose = scheduleGroups({
      groups: [group(1, [1]), group(2, [2])],
      slots: [slot(1, TUE_10), slot(2, '2026-03-10T11:15:00Z')],
      moderators: mods,
      t: en,
    });
    expect(tooClose.unplaced[0].reason).toBe(
      'No slot where all three members and two moderators are free; closest: Tue 10 Mar 12:15 lacks two moderators ' +
        '(Eva: too little rest (at least 30 min); Jan: too little rest (at least 30 min)).',
    );
    const exactlyEnough = scheduleGroups({
      groups: [group(1, [1]), group(2, [2])],
      slots: [slot(1, TUE_10), slot(2, '2026-03-10T11:30:00Z')],
      moderators: mods,
    });
    expect(exactlyEnough.unplaced).toEqual([]);
  });

  it('uses each moderator’s own rest time', () => {
    const result = scheduleGroups({
      groups: [group(1, [1]), group(2, [2])],
      slots: [slot(1, TUE_10), slot(2, '2026-03-10T11:30:00Z')],
      moderators: [
        moderator(1, 'Eva', [1, 2], { minRestMinutes: 60 }),
        moderator(2, 'Jan', [1, 2]),
        moderator(3, 'Piet', [2]),
      ],
    });
    expect(result.unplaced).toEqual([]);
    const second = result.assignments.find((a) => a.groupId === 2)!;
    expect([second.leadId, second.noteTakerId].sort()).toEqual([2, 3]);
  });

  it('respects slot capacity and explains a full slot', () => {
    const result = scheduleGroups({
      groups: [group(1, [1]), group(2, [1])],
      slots: [slot(1, TUE_10, 120, 1)],
      moderators: [1, 2, 3, 4].map((id) => moderator(id, `M${id}`, [1])),
    });
    expect(result.assignments).toHaveLength(1);
    expect(result.unplaced[0].reason).toBe(
      'Geen moment waarop alle drie leden en twee moderatoren vrij zijn; dichtstbij: di 10 mrt 10:00 zit vol (max. 1 groep).',
    );
    expect(result.unplaced[0].closest).toMatchObject({ capacity: 1, capacityFull: true, freeModeratorIds: [3, 4] });
  });

  it('names the slot that comes closest when several fail', () => {
    const result = scheduleGroups({
      groups: [group(1, [1]), group(2, [1, 2])],
      slots: [slot(1, TUE_10), slot(2, '2026-03-11T09:00:00Z')],
      moderators: [moderator(1, 'Eva', [1, 2]), moderator(2, 'Jan', [1])],
      t: en,
    });
    // Slot 1 has no free moderator left; slot 2 lacks only a second one.
    expect(result.unplaced[0].closest?.slotId).toBe(2);
    expect(result.unplaced[0].reason).toBe(
      'No slot where all three members and two moderators are free; closest: Wed 11 Mar 10:00 lacks a second moderator ' +
        '(only one moderator can do this slot).',
    );
  });

  it('spreads groups over slots and balances lead and note-taking', () => {
    const slots = [0, 1, 2, 3].map((d) => slot(d + 1, `2026-03-1${d}T09:00:00Z`));
    const result = scheduleGroups({
      groups: [1, 2, 3, 4].map((id) => group(id, [1, 2, 3, 4])),
      slots,
      moderators: [1, 2, 3, 4].map((id) => moderator(id, `M${id}`, [1, 2, 3, 4])),
    });
    expect(result.unplaced).toEqual([]);
    expect(new Set(result.assignments.map((a) => a.slotId)).size).toBe(4);
    for (const id of [1, 2, 3, 4]) {
      expect(result.assignments.filter((a) => a.leadId === id)).toHaveLength(1);
      expect(result.assignments.filter((a) => a.noteTakerId === id)).toHaveLength(1);
    }
  });

  it('puts the most constrained group first', () => {
    // Group 1 could go anywhere, group 2 only in slot 1: a first-come order would take slot 1 for group 1.
    const result = scheduleGroups({
      groups: [group(1, [1, 2]), group(2, [1])],
      slots: [slot(1, TUE_10, 120, 1), slot(2, TUE_14, 120, 1)],
      moderators: [1, 2, 3, 4].map((id) => moderator(id, `M${id}`, [1, 2])),
    });
    expect(result.unplaced).toEqual([]);
    expect(result.assignments.map((a) => [a.groupId, a.slotId])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('repairs what the greedy cannot place by moving another group', () => {
    // Slots 1 and 2 overlap. The greedy gives group 1 the least-loaded pair (Eva, Jan), the only pair slot 1 has.
    const input = {
      groups: [group(1, [2]), group(2, [1])],
      slots: [slot(1, TUE_10), slot(2, TUE_10)],
      moderators: [
        moderator(1, 'Eva', [1, 2]),
        moderator(2, 'Jan', [1, 2]),
        moderator(3, 'Piet', [2]),
        moderator(4, 'Kim', [2]),
      ],
    };
    const greedyOnly = scheduleGroups({ ...input, repair: false });
    expect(greedyOnly.unplaced.map((u) => u.groupId)).toEqual([2]);
    const repaired = scheduleGroups(input);
    expect(repaired.unplaced).toEqual([]);
    expect(repaired.assignments).toEqual([
      { groupId: 1, slotId: 2, leadId: 3, noteTakerId: 4 },
      { groupId: 2, slotId: 1, leadId: 1, noteTakerId: 2 },
    ]);
    expect(repaired.stats).toMatchObject({ placedByGreedy: 1, placedByRepair: 1 });
  });

  it('never moves fixed sessions and counts them for every rule', () => {
    const fixed = [{ groupId: 50, slotId: 1, leadId: 1, noteTakerId: 2 }];
    const result = scheduleGroups({
      groups: [group(1, [1])],
      slots: [slot(1, TUE_10)],
      moderators: [moderator(1, 'Eva', [1]), moderator(2, 'Jan', [1]), moderator(3, 'Piet', [1])],
      fixed,
    });
    expect(result.assignments).toEqual(fixed);
    expect(result.unplaced[0].closest?.freeModeratorIds).toEqual([3]);
  });

  it('does not reschedule a group that already has a fixed session', () => {
    const fixed = [{ groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 }];
    const result = scheduleGroups({
      groups: [group(1, [1, 2])],
      slots: [slot(1, TUE_10), slot(2, TUE_14)],
      moderators: [moderator(1, 'Eva', [1, 2]), moderator(2, 'Jan', [1, 2])],
      fixed,
    });
    expect(result.assignments).toEqual(fixed);
    expect(result.stats.placedByGreedy).toBe(0);
  });

  it('gives the same schedule whatever the order of the input', () => {
    const slots = Array.from({ length: 8 }, (_, i) =>
      slot(i + 1, new Date(Date.UTC(2026, 2, 10 + Math.floor(i / 2), 8 + (i % 2) * 5)).toISOString()),
    );
    const moderators = [1, 2, 3, 4, 5].map((id) =>
      moderator(
        id,
        `M${id}`,
        slots.filter((s) => (s.id + id) % 3 !== 0).map((s) => s.id),
      ),
    );
    const groups = Array.from({ length: 10 }, (_, i) =>
      group(
        i + 1,
        slots.filter((s) => (s.id * (i + 2)) % 4 !== 1).map((s) => s.id),
      ),
    );
    const a = scheduleGroups({ groups, slots, moderators });
    const b = scheduleGroups({
      groups: [...groups].reverse(),
      slots: [...slots].reverse(),
      moderators: [...moderators].reverse(),
    });
    expect(b).toEqual(a);
    for (const m of moderators) {
      const mine = sessionsOf(a.assignments, m.id).map((x) => slots.find((s) => s.id === x.slotId)!);
      const perDay = new Map<string, number>();
      for (const s of mine)
        perDay.set(s.start.toISOString().slice(0, 10), (perDay.get(s.start.toISOString().slice(0, 10)) ?? 0) + 1);
      expect(Math.max(0, ...perDay.values())).toBeLessThanOrEqual(2);
    }
  });

  it('rejects fixed sessions that refer to unknown slots or moderators', () => {
    expect(() =>
      scheduleGroups({
        groups: [],
        slots: [],
        moderators: [],
        fixed: [{ groupId: 1, slotId: 9, leadId: 1, noteTakerId: 2 }],
      }),
    ).toThrow('Assignment of group 1 refers to an unknown slot or moderator');
  });
});

describe('checkAssignment', () => {
  const slots = [
    slot(1, TUE_10, 120, 1),
    slot(2, TUE_14),
    slot(3, '2026-03-10T11:15:00Z'),
    slot(4, '2026-03-10T17:00:00Z'),
  ];
  const moderators = [
    moderator(1, 'Eva', [1, 2, 3, 4]),
    moderator(2, 'Jan', [1, 2, 3, 4]),
    moderator(3, 'Piet', [1, 2, 3, 4]),
    moderator(4, 'Kim', [2]),
  ];
  const groups = [group(1, [1, 2, 3, 4]), group(2, [1, 2, 3, 4]), group(3, [2, 4])];
  const context = (assignments: FixedAssignment[], t = nl): CheckContext => ({
    groups,
    slots,
    moderators,
    assignments,
    t,
  });
  const current = [{ groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 }];

  it('accepts a move that breaks no rule and ignores the group’s own current session', () => {
    expect(checkAssignment({ groupId: 1, slotId: 2, leadId: 1, noteTakerId: 2 }, context(current))).toEqual({
      ok: true,
    });
    expect(checkAssignment({ groupId: 1, slotId: 1, leadId: 2, noteTakerId: 1 }, context(current))).toEqual({
      ok: true,
    });
  });

  it.each([
    [{ groupId: 9, slotId: 2, leadId: 1, noteTakerId: 2 }, 'unknown-group', 'Groep 9 bestaat niet.'],
    [{ groupId: 2, slotId: 9, leadId: 1, noteTakerId: 2 }, 'unknown-slot', 'Moment 9 bestaat niet.'],
    [{ groupId: 2, slotId: 2, leadId: 1, noteTakerId: 9 }, 'unknown-moderator', 'Moderator 9 bestaat niet.'],
    [
      { groupId: 2, slotId: 2, leadId: 3, noteTakerId: 3 },
      'same-moderator',
      'Gespreksleider en notulist moeten twee verschillende moderatoren zijn.',
    ],
    [
      { groupId: 3, slotId: 1, leadId: 3, noteTakerId: 4 },
      'members-unavailable',
      'Niet alle leden van Groep 3 kunnen op di 10 mrt 10:00.',
    ],
    [{ groupId: 2, slotId: 1, leadId: 3, noteTakerId: 4 }, 'capacity-full', 'di 10 mrt 10:00 zit vol (max. 1 groep).'],
    [{ groupId: 2, slotId: 4, leadId: 3, noteTakerId: 4 }, 'moderator-unavailable', 'Kim kan niet op di 10 mrt 18:00.'],
    [
      { groupId: 2, slotId: 3, leadId: 1, noteTakerId: 3 },
      'moderator-rest',
      'Eva heeft te weinig rust na of voor Groep 1 (minimaal 30 min).',
    ],
  ])('rejects %o with %s', (candidate, code, reason) => {
    expect(checkAssignment(candidate, context(current))).toEqual({
      ok: false,
      groupId: candidate.groupId,
      code,
      reason,
    });
  });

  it('rejects a moderator who is already in an overlapping session', () => {
    const busy = [{ groupId: 1, slotId: 2, leadId: 1, noteTakerId: 2 }];
    expect(checkAssignment({ groupId: 3, slotId: 2, leadId: 3, noteTakerId: 2 }, context(busy, en))).toEqual({
      ok: false,
      groupId: 3,
      code: 'moderator-overlap',
      reason: 'Jan is already in a session at Tue 10 Mar 14:00 (Groep 1).',
    });
  });

  it('rejects a moderator over the daily maximum', () => {
    const two = [
      { groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 },
      { groupId: 2, slotId: 2, leadId: 1, noteTakerId: 3 },
    ];
    expect(checkAssignment({ groupId: 3, slotId: 4, leadId: 1, noteTakerId: 2 }, context(two, en))).toEqual({
      ok: false,
      groupId: 3,
      code: 'moderator-daily-max',
      reason: 'Eva already has 2 sessions on the day of Tue 10 Mar 18:00 (daily maximum).',
    });
  });

  it('checks a swap of moderators as one change, including against each other', () => {
    const two = [
      { groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 },
      { groupId: 3, slotId: 2, leadId: 3, noteTakerId: 4 },
    ];
    const swap = [
      { groupId: 1, slotId: 1, leadId: 3, noteTakerId: 2 },
      { groupId: 3, slotId: 2, leadId: 1, noteTakerId: 4 },
    ];
    expect(checkAssignment(swap[0], context(two))).toMatchObject({ ok: true });
    expect(checkAssignments(swap, context(two))).toEqual({ ok: true });
    const clash = [
      { groupId: 1, slotId: 2, leadId: 1, noteTakerId: 2 },
      { groupId: 3, slotId: 2, leadId: 1, noteTakerId: 4 },
    ];
    expect(checkAssignments(clash, context(two))).toMatchObject({ ok: false, groupId: 3, code: 'moderator-overlap' });
  });
  describe('with the clock: a session that has begun', () => {
    // Between the sessions of 10:00 (slot 1, begun) and 14:00 (slot 2, ahead).
    const now = new Date('2026-03-10T10:00:00Z');
    const at = (assignments: FixedAssignment[], t = nl): CheckContext => ({ ...context(assignments, t), now });

    it('moves no session into a slot that has begun, where the scheduler would place none either', () => {
      const ahead = [{ groupId: 1, slotId: 2, leadId: 1, noteTakerId: 2 }];
      expect(checkAssignment({ groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 }, at(ahead))).toEqual({
        ok: false,
        groupId: 1,
        code: 'slot-started',
        reason: 'di 10 mrt 10:00 is al begonnen. Kies een later moment: niemand kan nog op tijd uitgenodigd worden.',
      });
      expect(checkAssignment({ groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 }, context(ahead))).toEqual({
        ok: true,
      });
    });

    it('changes neither the slot nor the moderators of a session that has begun', () => {
      const begun = [{ groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 }];
      expect(checkAssignment({ groupId: 1, slotId: 2, leadId: 1, noteTakerId: 2 }, at(begun, en))).toEqual({
        ok: false,
        groupId: 1,
        code: 'session-started',
        reason:
          'The session of Groep 1 already began at Tue 10 Mar 10:00. A session that has begun keeps its slot and moderators.',
      });
      expect(checkAssignment({ groupId: 1, slotId: 1, leadId: 3, noteTakerId: 2 }, at(begun))).toMatchObject({
        code: 'session-started',
      });
      // Unchanged is no change: the caller says so itself.
      expect(checkAssignment(begun[0], at(begun))).toEqual({ ok: true });
    });

    it('refuses a swap of moderators with a session that has begun, whichever side it is on', () => {
      const two = [
        { groupId: 1, slotId: 1, leadId: 1, noteTakerId: 2 },
        { groupId: 3, slotId: 2, leadId: 3, noteTakerId: 4 },
      ];
      const swap = [
        { groupId: 3, slotId: 2, leadId: 1, noteTakerId: 4 },
        { groupId: 1, slotId: 1, leadId: 3, noteTakerId: 2 },
      ];
      expect(checkAssignments(swap, at(two))).toMatchObject({ ok: false, groupId: 1, code: 'session-started' });
      expect(checkAssignments(swap, context(two))).toMatchObject({ ok: true });
    });
  });
});
