import { BalancingCandidate, ageBand, groupScore, profileIndex, valueMask } from './balancing-profile';
import { BalancingInput, BalancingSettings, DEFAULT_BALANCING_SETTINGS, formGroups, sizeVectors } from './balancing';
import { solveExhaustively } from './exhaustive-solver';
import { randomStudy, smallRandomStudy } from './random-study';

const T0 = 1_700_000_000_000;
let nextId = 1;

function candidate(overrides: Partial<BalancingCandidate> = {}): BalancingCandidate {
  const id = overrides.id ?? nextId++;
  return {
    id,
    organisation: 'Gemeente Utrecht',
    quadrant: 'gemakzoeker',
    gender: 'v',
    ageMin: 40,
    ageMax: 40,
    education: 'mbo',
    digitalComfort: 'comfortabel',
    screenedAt: T0 + id * 1000,
    availability: [1],
    ...overrides,
  };
}

/** Three people who differ in every balanced attribute. */
function mixedTrio(overrides: Partial<BalancingCandidate> = {}): BalancingCandidate[] {
  return [
    candidate({
      gender: 'm',
      ageMin: 25,
      ageMax: 25,
      education: 'vmbo-mavo-lbo',
      digitalComfort: 'neutraal',
      ...overrides,
    }),
    candidate({
      gender: 'v',
      ageMin: 45,
      ageMax: 54,
      education: 'havo-vwo',
      digitalComfort: 'comfortabel',
      ...overrides,
    }),
    candidate({
      gender: 'x',
      ageMin: 70,
      ageMax: 70,
      education: 'wo',
      digitalComfort: 'zeer-comfortabel',
      ...overrides,
    }),
  ];
}

function run(
  candidates: BalancingCandidate[],
  settings: Partial<BalancingSettings> = {},
  extra: Partial<BalancingInput> = {},
) {
  return formGroups({
    candidates,
    slotIds: [1, 2, 3],
    settings: { ...DEFAULT_BALANCING_SETTINGS, ...settings },
    ...extra,
  });
}

describe('group score', () => {
  it('counts distinct bands per attribute', () => {
    expect(groupScore(mixedTrio())).toEqual({ total: 12, gender: 3, age: 3, education: 3, digitalComfort: 3 });
    expect(groupScore([candidate(), candidate()])).toEqual({
      total: 4,
      gender: 1,
      age: 1,
      education: 1,
      digitalComfort: 1,
    });
  });

  it('places an age range by its middle', () => {
    expect(ageBand(25, 34)).toBe(0);
    expect(ageBand(30, 39)).toBe(0);
    expect(ageBand(31, 40)).toBe(1);
    expect(ageBand(50, 59)).toBe(1);
    expect(ageBand(55, 64)).toBe(2);
  });

  it('bands education and digital comfort as the objective describes', () => {
    const low = groupScore([candidate({ education: 'basisonderwijs' }), candidate({ education: 'vmbo-mavo-lbo' })]);
    expect(low.education).toBe(1);
    const comfort = groupScore([
      candidate({ digitalComfort: 'zeer-oncomfortabel' }),
      candidate({ digitalComfort: 'neutraal' }),
    ]);
    expect(comfort.digitalComfort).toBe(1);
    expect(
      groupScore([candidate({ digitalComfort: 'neutraal' }), candidate({ digitalComfort: 'zeer-comfortabel' })])
        .digitalComfort,
    ).toBe(2);
  });

  it('numbers the 81 profiles one to one with their band masks', () => {
    const seen = new Map<number, number>();
    for (const c of randomStudy(3, {
      organisations: 1,
      quadrants: 4,
      maxPerBucket: 200,
      exact: true,
      slots: 1,
      availability: 1,
      unknownAvailability: 0,
      spread: 6,
      groupsPerQuadrant: 1,
      targetSize: 3,
    }).candidates) {
      const mask = valueMask(c);
      expect(seen.get(profileIndex(c)) ?? mask).toBe(mask);
      seen.set(profileIndex(c), mask);
    }
    expect(new Set(seen.values()).size).toBe(seen.size);
  });
});

describe('formGroups', () => {
  it('forms one mixed group with a reserve who shares its slot', () => {
    const trio = mixedTrio();
    const late = candidate({ availability: [1, 2] });
    const result = run([late, ...trio]);
    expect(result.groups).toEqual([
      {
        fixedId: null,
        organisation: 'Gemeente Utrecht',
        quadrant: 'gemakzoeker',
        members: trio.map((c) => c.id),
        reserves: [late.id],
        slots: [1],
        score: { total: 12, gender: 3, age: 3, education: 3, digitalComfort: 3 },
      },
    ]);
    expect(result.shortfalls).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(result.objective).toEqual({ placed: 3, groupScore: 12, coverage: 12 });
    expect(result.provenOptimal).toBe(true);
  });

  it('prefers balance over first come, and first come among equally balanced groups', () => {
    // Screened first, but any group with one of them is less mixed.
    const early = Array.from({ length: 3 }, () =>
      candidate({ gender: 'm', ageMin: 70, ageMax: 70, education: 'wo', digitalComfort: 'comfortabel' }),
    );
    const trio = mixedTrio();
    const twin = mixedTrio();
    const result = run([...twin, ...early, ...trio]);
    expect(result.groups[0].members).toEqual(trio.map((c) => c.id));
    expect(result.groups[0].reserves).toEqual([early[0].id]);
  });

  it('only groups people who share a slot, and says why the others are left out', () => {
    const [a, b, c] = mixedTrio({ availability: [2] });
    const lonely = candidate({ availability: [3], gender: 'x' });
    const never = candidate({ availability: [] });
    const result = run([a, b, lonely, never, c]);
    expect(result.groups.map((g) => [g.members, g.slots])).toEqual([[[a.id, b.id, c.id], [2]]]);
    expect(result.unplaced).toEqual([
      { respondentId: lonely.id, reason: 'no-slot-with-group' },
      { respondentId: never.id, reason: 'no-slot' },
    ]);
  });

  it('treats respondents without availability as available for every slot, and says so', () => {
    const trio = mixedTrio({ availability: null });
    const result = run(trio);
    expect(result.groups[0].slots).toEqual([1, 2, 3]);
    expect(result.assumedAvailable).toEqual(trio.map((c) => c.id));
  });

  it('forms a smaller group when the bucket is short, and reports the shortfall', () => {
    const pair = mixedTrio().slice(0, 2);
    const result = run(pair, {}, { organisations: ['Gemeente Utrecht'] });
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0].members).toEqual(pair.map((c) => c.id));
    expect(result.shortfalls.map((s) => s.message)).toEqual([
      'Gemeente Utrecht × informatiezoeker: 0 of 3',
      'Gemeente Utrecht × zekerheidszoeker: 0 of 3',
      'Gemeente Utrecht × rust-in-je-hoofdzoeker: 0 of 3',
      'Gemeente Utrecht × gemakzoeker: 2 of 3',
    ]);
    expect(result.shortfalls[3]).toMatchObject({ candidates: 2, needed: 3, placed: 2 });
  });

  it('reports a bucket whose candidates share no slot', () => {
    const people = [
      candidate({ availability: [1] }),
      candidate({ availability: [2] }),
      candidate({ availability: [3] }),
    ];
    const result = run(people);
    expect(result.groups).toEqual([]);
    expect(result.shortfalls[0]).toMatchObject({ candidates: 3, needed: 3, placed: 0 });
    expect(result.shortfalls[0].message).toContain('share no session slot');
    expect(result.unplaced.map((u) => u.reason)).toEqual(['no-common-slot', 'no-common-slot', 'no-common-slot']);
    expect(run([candidate()]).unplaced[0].reason).toBe('too-few-candidates');
  });

  it('keeps fixed groups, does not reuse their people and forms only the groups still needed', () => {
    const kept = mixedTrio();
    const others = mixedTrio();
    const fixed = [
      {
        id: 77,
        organisation: 'Gemeente Utrecht',
        quadrant: 'gemakzoeker' as const,
        members: kept.map((c) => c.id),
        reserves: [],
      },
    ];
    const two = run([...kept, ...others], { groupsPerQuadrant: 2, reservesPerGroup: 0 }, { fixed });
    expect(two.groups.map((g) => [g.fixedId, g.members])).toEqual([
      [77, kept.map((c) => c.id)],
      [null, others.map((c) => c.id)],
    ]);
    const one = run([...kept, ...others], { groupsPerQuadrant: 1 }, { fixed });
    expect(one.groups.map((g) => g.fixedId)).toEqual([77]);
    expect(one.unplaced).toEqual(others.map((c) => ({ respondentId: c.id, reason: 'bucket-full' })));
  });

  it('keeps every group within one organisation and quadrant', () => {
    const input = randomStudy(11, {
      organisations: 3,
      quadrants: 4,
      maxPerBucket: 30,
      slots: 4,
      availability: 0.6,
      unknownAvailability: 0.1,
      spread: 6,
      groupsPerQuadrant: 2,
      targetSize: 3,
    });
    const byId = new Map(input.candidates.map((c) => [c.id, c]));
    const result = formGroups(input);
    expect(result.groups.length).toBeGreaterThan(10);
    for (const g of result.groups) {
      for (const id of [...g.members, ...g.reserves])
        expect(byId.get(id)).toMatchObject({ organisation: g.organisation, quadrant: g.quadrant });
      for (const id of g.members) {
        const a = byId.get(id)!.availability;
        for (const slot of g.slots) expect(a === null || a.includes(slot)).toBe(true);
      }
      expect(g.slots.length).toBeGreaterThan(0);
      for (const id of g.reserves) {
        const a = byId.get(id)!.availability;
        expect(a === null || g.slots.some((s) => a.includes(s))).toBe(true);
      }
    }
    const everyone = [
      ...result.groups.flatMap((g) => [...g.members, ...g.reserves]),
      ...result.unplaced.map((u) => u.respondentId),
    ];
    expect(new Set(everyone).size).toBe(everyone.length);
    expect(everyone.length).toBe(input.candidates.length);
  });

  it('spreads values over an organisation’s quadrants when groups cannot hold them all', () => {
    // Pairs hold two bands per attribute; across two quadrants the third band should still appear.
    const q1 = [
      candidate({ quadrant: 'informatiezoeker', gender: 'm', ageMin: 25, ageMax: 25 }),
      candidate({ quadrant: 'informatiezoeker', gender: 'v', ageMin: 45, ageMax: 45 }),
      candidate({ quadrant: 'informatiezoeker', gender: 'x', ageMin: 45, ageMax: 45 }),
    ];
    const q2 = [
      candidate({ quadrant: 'gemakzoeker', gender: 'm', ageMin: 25, ageMax: 25 }),
      candidate({ quadrant: 'gemakzoeker', gender: 'v', ageMin: 45, ageMax: 45 }),
      candidate({ quadrant: 'gemakzoeker', gender: 'v', ageMin: 70, ageMax: 70 }),
    ];
    const result = run([...q1, ...q2], { targetSize: 2, reservesPerGroup: 0 });
    expect(result.objective).toEqual({ placed: 4, groupScore: 12, coverage: 8 });
  });

  it('gives the same result for the same input and seed, whatever the input order', () => {
    const input = randomStudy(5, {
      organisations: 2,
      quadrants: 4,
      maxPerBucket: 40,
      slots: 5,
      availability: 0.5,
      unknownAvailability: 0.1,
      spread: 4,
      groupsPerQuadrant: 2,
      targetSize: 3,
    });
    const first = formGroups(input);
    expect(formGroups({ ...input, candidates: [...input.candidates].reverse() })).toEqual(first);
  });

  it('breaks ties between people screened at the same moment by the seed', () => {
    const same = Array.from({ length: 8 }, () => candidate({ screenedAt: T0 }));
    const chosen = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) chosen.add(JSON.stringify(run(same, { seed }).groups[0].members));
    expect(chosen.size).toBeGreaterThan(1);
    expect(run(same, { seed: 3 })).toEqual(run(same, { seed: 3 }));
  });

  it('rejects impossible settings', () => {
    expect(() => run([], { targetSize: 5 })).toThrow(RangeError);
    expect(() => run([], { minSize: 1 })).toThrow(RangeError);
    expect(() => run([], { groupsPerQuadrant: -1 })).toThrow(RangeError);
  });

  it('prefers filled groups: most people first, then groups filled to the target', () => {
    expect(sizeVectors(2, 2, 3, 10)).toEqual([[3, 3], [3, 2], [2, 2], [3], [2]]);
    expect(sizeVectors(2, 2, 4, 4)).toEqual([[4], [2, 2], [3], [2]]);
  });
});

describe('formGroups against the exhaustive solver', () => {
  it('reaches the optimum on a few hundred random small studies', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const input = smallRandomStudy(seed);
      const ours = formGroups(input);
      const optimum = solveExhaustively(input);
      expect({ seed, ...ours.objective }).toEqual({
        seed,
        placed: optimum.placed,
        groupScore: optimum.groupScore,
        coverage: optimum.coverage,
      });
      expect(ours.provenOptimal).toBe(true);
      for (const b of optimum.buckets) {
        const mine = ours.groups.filter(
          (g) => g.fixedId === null && g.organisation === b.organisation && g.quadrant === b.quadrant,
        );
        expect(mine.map((g) => g.members.length).sort((x, y) => y - x)).toEqual(b.sizes);
        expect(mine.reduce((s, g) => s + g.score.total, 0)).toBe(b.score);
      }
      const single =
        optimum.buckets.length === 1 && input.settings.groupsPerQuadrant === 1 && input.fixed!.length === 0;
      if (single) {
        compared++;
        expect(ours.groups.flatMap((g) => g.members)).toEqual(optimum.buckets[0].firstServed);
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('reaches the obvious upper bound on large, well-spread buckets', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const input = randomStudy(seed, {
        organisations: 1,
        quadrants: 4,
        maxPerBucket: 500,
        exact: true,
        slots: 12,
        availability: 0.3,
        unknownAvailability: 0.05,
        spread: 6,
        groupsPerQuadrant: 1 + (seed % 2),
        targetSize: 3,
      });
      const result = formGroups(input);
      expect(result.provenOptimal).toBe(true);
      expect(result.groups).toHaveLength(4 * input.settings.groupsPerQuadrant);
      for (const g of result.groups) expect(g.score.total).toBe(12);
    }
  });
});

describe('kept groups and shortfalls', () => {
  it('still reports a bucket as short when its kept group is below the target size', () => {
    const [a, b] = mixedTrio({ organisation: 'RET', quadrant: 'gemakzoeker' });
    const result = run(
      [a, b],
      {},
      { fixed: [{ id: 7, organisation: 'RET', quadrant: 'gemakzoeker', members: [a.id, b.id], reserves: [] }] },
    );
    expect(result.groups.map((g) => g.fixedId)).toEqual([7]);
    expect(result.shortfalls).toEqual([
      expect.objectContaining({
        organisation: 'RET',
        quadrant: 'gemakzoeker',
        candidates: 2,
        needed: 3,
        placed: 2,
        message: 'RET × gemakzoeker: 2 of 3',
      }),
    ]);
  });

  it('reports nothing for a bucket whose kept group is full', () => {
    const trio = mixedTrio({ organisation: 'RET', quadrant: 'gemakzoeker' });
    const result = run(
      trio,
      {},
      {
        fixed: [{ id: 8, organisation: 'RET', quadrant: 'gemakzoeker', members: trio.map((c) => c.id), reserves: [] }],
      },
    );
    expect(result.shortfalls).toEqual([]);
  });
});
