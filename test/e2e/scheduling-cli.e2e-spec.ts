import { mkdtempSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import type { Study } from '../../src/studies/study.entity';
import { runCli } from '../support/cli';
import { createStudy } from '../support/factories';
import { createGroupWithMembers, createModerator, createSlot, GroupFixture } from '../support/scheduling-factories';
import { openAppDataSource, resetDatabase, runDir, testDatabaseConfig } from '../support/test-database';

describe('kwadrant schedule and kwadrant invitations send (the real command, as a child process)', () => {
  const db = testDatabaseConfig();
  const env = {
    DATA_DIR: mkdtempSync(join(runDir(), 'cli-')),
    DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
  };
  let ds: DataSource;
  let study: Study;
  let placeable: GroupFixture;
  let stuck: GroupFixture;

  beforeAll(async () => {
    ds = await openAppDataSource(db, { migrate: false });
    await resetDatabase(ds);
    const fx = await createStudy(ds, { slug: 'cli-plan', title: 'CLI plan' }, { organisations: ['RET'], slots: 0 });
    study = fx.study;
    const slot = await createSlot(ds, study.id, new Date('2037-12-08T09:00:00Z'));
    await createModerator(ds, study.id, [slot.id], { name: 'Anna' });
    await createModerator(ds, study.id, [slot.id], { name: 'Bram' });
    placeable = await createGroupWithMembers(ds, study.id, fx.organisations[0].id, { members: 3 });
    stuck = await createGroupWithMembers(ds, study.id, fx.organisations[0].id, {
      members: 2,
      availability: [],
      quadrant: 'informatiezoeker',
    });
  });
  afterAll(() => ds?.destroy());

  it('previews as JSON without saving, with a reason for each group it cannot place', async () => {
    const r = await runCli(['schedule', '--study', 'cli-plan', '--dry-run', '--format', 'json'], env);
    expect(r.stderr).toContain('Previewing study cli-plan');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ dryRun: true, kept: 0 });
    expect(out.placed).toEqual([
      expect.objectContaining({ groupId: placeable.group.id, lead: expect.any(String), noteTaker: expect.any(String) }),
    ]);
    expect(out.unplaced).toEqual([expect.objectContaining({ groupId: stuck.group.id, code: 'no-common-slot' })]);
    expect(await ds.getRepository(ScheduledSession).count()).toBe(0);
  });

  it('heads the table in the language of the command line', async () => {
    const r = await runCli(['schedule', '--study', 'cli-plan', '--dry-run', '--format', 'table'], {
      ...env,
      KWADRANT_LANG: 'nl',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^groep\s+moment\s+gespreksleider\s+notulist$/m);
    expect(r.stdout).toMatch(/^groep\s+reden$/m);
    expect(r.stdout).not.toMatch(/noteTaker|reason/);
  });

  it('saves and prints a table', async () => {
    const r = await runCli(['schedule', '--study', 'cli-plan', '--format', 'table'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/group\s+slot\s+lead\s+note-taker/);
    expect(r.stdout).toContain('Not placed:');
    expect(r.stdout).toContain('1 placed, 1 not placed, 0 kept.');
    expect(await ds.getRepository(ScheduledSession).count()).toBe(1);
  });

  it('sends the invitations of one group into the outbox, once', async () => {
    const r = await runCli(
      ['invitations', 'send', '--study', 'cli-plan', '--group', String(placeable.group.id), '--format', 'json'],
      env,
    );
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report.invited).toHaveLength(3);
    expect(report.moderatorsInvited).toHaveLength(2);
    expect(await ds.getRepository(OutboxMessage).count()).toBe(5);
    const again = await runCli(['invitations', 'send', '--study', 'cli-plan'], env);
    expect(again.code).toBe(0);
    expect(await ds.getRepository(OutboxMessage).count()).toBe(5);
  });

  it('fails with a clear message on stderr', async () => {
    const unknown = await runCli(['schedule', '--study', 'nope'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No study "nope" exists.');
    const notScheduled = await runCli(
      ['invitations', 'send', '--study', 'cli-plan', '--group', String(stuck.group.id)],
      env,
    );
    expect(notScheduled.code).toBe(2);
    expect(notScheduled.stderr).toContain('has no scheduled session');
    const badFormat = await runCli(['schedule', '--study', 'cli-plan', '--format', 'xml'], env);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of json, table');
  });
});
