import { mkdtempSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { DEFAULT_BALANCING_SETTINGS } from '../../src/groups/balancing';
import { BalancingCandidate } from '../../src/groups/balancing-profile';
import { solveExhaustively } from '../../src/groups/exhaustive-solver';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from '../../src/overviews/exporters/bijlage-5.fixture';
import { Study } from '../../src/studies/study.entity';
import { runCli } from '../support/cli';
import { createRespondent, createStudy } from '../support/factories';
import { openAppDataSource, resetDatabase, runDir, testDatabaseConfig } from '../support/test-database';

interface FormJson {
  groups: {
    id: number | null;
    organisation: string;
    quadrant: string;
    members: number[];
    reserves: number[];
    slots: number[];
    score: Record<string, number>;
  }[];
  shortfalls: { organisation: string; quadrant: string; candidates: number; needed: number }[];
  unplaced: { respondentId: number; reason: string }[];
}

describe('kwadrant groups form (the real command, as a child process)', () => {
  const db = testDatabaseConfig();
  const env = {
    DATA_DIR: mkdtempSync(join(runDir(), 'cli-')),
    DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
  };
  let ds: DataSource;
  let study: Study;
  const candidates: BalancingCandidate[] = [];
  const excluded: number[] = [];
  let slotIds: number[] = [];

  beforeAll(async () => {
    ds = await openAppDataSource(db, { migrate: false });
    await resetDatabase(ds);
    const fx = await createStudy(
      ds,
      { slug: 'bijlage-5', title: 'Bijlage 5' },
      { organisations: BIJLAGE_5_ORGANISATIONS, slots: 3 },
    );
    study = fx.study;
    slotIds = fx.slots.map((s) => s.id);
    const ids = new Map(fx.organisations.map((o) => [o.name, o.id]));
    // The imported table, plus a few more Vitens information seekers, so the spread has something to choose.
    const rows = [
      ...bijlage5Respondents(),
      {
        organisation: 'Vitens',
        gender: 'x',
        age: '71',
        ageMin: 71,
        ageMax: 71,
        education: 'basisonderwijs',
        digitalComfort: 'oncomfortabel',
        quadrant: 'informatiezoeker',
      },
      {
        organisation: 'Vitens',
        gender: 'v',
        age: '30',
        ageMin: 30,
        ageMax: 30,
        education: 'hbo',
        digitalComfort: 'comfortabel',
        quadrant: 'informatiezoeker',
      },
    ] as ReturnType<typeof bijlage5Respondents>;
    for (const { organisation, ...profile } of rows) {
      const r = await createRespondent(ds, study.id, ids.get(organisation)!, profile);
      candidates.push({ ...profile, id: r.id, organisation, screenedAt: r.screenedAt.getTime(), availability: null });
    }
    // Never candidates: not eligible, or erased.
    excluded.push(
      (await createRespondent(ds, study.id, ids.get('RET')!, { status: 'ineligible', quadrant: 'gemakzoeker' })).id,
    );
    excluded.push(
      (
        await createRespondent(ds, study.id, ids.get('RET')!, {
          status: 'erased',
          erasedAt: new Date(),
          quadrant: 'gemakzoeker',
        })
      ).id,
    );
  });
  afterAll(() => ds?.destroy());

  it('prints exactly the documented JSON on a dry run, with the best spread per bucket and every short bucket', async () => {
    const r = await runCli(['groups', 'form', '--study', 'bijlage-5', '--dry-run', '--format', 'json'], env);
    expect(r.code).toBe(0);
    // Imported respondents have no availability: the run says it treated them as always available.
    expect(r.stderr).toContain(
      `${candidates.length} respondents have no availability data (e.g. imported); they were counted as available for every session slot.`,
    );
    const out = JSON.parse(r.stdout) as FormJson;
    expect(Object.keys(out).sort()).toEqual(['groups', 'shortfalls', 'unplaced']);
    for (const g of out.groups) {
      expect(Object.keys(g).sort()).toEqual([
        'id',
        'members',
        'organisation',
        'quadrant',
        'reserves',
        'score',
        'slots',
      ]);
      expect(Object.keys(g.score).sort()).toEqual(['age', 'digitalComfort', 'education', 'gender', 'total']);
      expect(g.id).toBeNull();
      expect(g.slots).toEqual(slotIds);
    }
    for (const s of out.shortfalls)
      expect(Object.keys(s).sort()).toEqual(['candidates', 'needed', 'organisation', 'quadrant']);
    for (const u of out.unplaced) {
      expect(Object.keys(u).sort()).toEqual(['reason', 'respondentId']);
      expect(u.reason).toMatch(/^[a-z].{10,}/);
    }

    // Every bucket with at least the minimum (2) is a group; the short ones are all reported.
    const perBucket = new Map<string, number>();
    for (const c of candidates)
      perBucket.set(`${c.organisation}|${c.quadrant}`, (perBucket.get(`${c.organisation}|${c.quadrant}`) ?? 0) + 1);
    const grouped = new Set(out.groups.map((g) => `${g.organisation}|${g.quadrant}`));
    for (const [bucket, n] of perBucket) if (n >= 2) expect(grouped).toContain(bucket);
    expect(out.shortfalls).toEqual(
      expect.arrayContaining([
        { organisation: 'Gemeente Utrecht', quadrant: 'gemakzoeker', candidates: 0, needed: 3 },
        { organisation: 'RET', quadrant: 'gemakzoeker', candidates: 2, needed: 3 },
        { organisation: 'Belastingdienst', quadrant: 'gemakzoeker', candidates: 2, needed: 3 },
      ]),
    );
    expect(out.shortfalls).toHaveLength(3);

    // The spread equals the exhaustive optimum in every bucket.
    const optimum = solveExhaustively({
      candidates,
      slotIds,
      settings: { ...DEFAULT_BALANCING_SETTINGS, seed: study.id },
      organisations: BIJLAGE_5_ORGANISATIONS,
    });
    for (const b of optimum.buckets.filter((x) => x.placed > 0)) {
      const ours = out.groups.find((g) => g.organisation === b.organisation && g.quadrant === b.quadrant)!;
      expect([b.organisation, b.quadrant, ours.score.total]).toEqual([b.organisation, b.quadrant, b.score]);
    }
    const vitens = out.groups.find((g) => g.organisation === 'Vitens' && g.quadrant === 'informatiezoeker')!;
    expect(vitens.score.total).toBe(12);
    expect(vitens.reserves).toHaveLength(1);

    const mentioned = [
      ...out.groups.flatMap((g) => [...g.members, ...g.reserves]),
      ...out.unplaced.map((u) => u.respondentId),
    ];
    for (const id of excluded) expect(mentioned).not.toContain(id);
    expect(new Set(mentioned).size).toBe(candidates.length);
  });

  it('saves the groups (ids filled in) and keeps them on the next run once confirmed', async () => {
    const saved = JSON.parse(
      (await runCli(['groups', 'form', '--study', 'bijlage-5', '--format', 'json'], env)).stdout,
    ) as FormJson;
    expect(saved.groups.every((g) => typeof g.id === 'number')).toBe(true);
    const [first] = saved.groups;
    await ds.query(`UPDATE focus_group SET status = 'confirmed' WHERE id = ${first.id}`);
    const table = await runCli(
      ['groups', 'form', '--study', 'bijlage-5', '--organisation', first.organisation, '--format', 'table'],
      env,
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^${first.id}\\s+${first.organisation}`, 'm'));
    expect(table.stderr).toContain('Forming groups for bijlage-5');
  });

  it('explains mistakes on stderr with a non-zero exit code', async () => {
    const missing = await runCli(['groups', 'form', '--study', 'nope', '--format', 'json'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No study "nope" exists.');
    const organisation = await runCli(
      ['groups', 'form', '--study', 'bijlage-5', '--organisation', 'NS', '--format', 'json'],
      env,
    );
    expect(organisation.code).toBe(2);
    expect(organisation.stderr).toContain('"NS" is not a partner organisation of study bijlage-5');
    const format = await runCli(['groups', 'form', '--study', 'bijlage-5', '--format', 'xml'], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of json, table');
  });
});
