import { INestApplicationContext } from '@nestjs/common';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import type { AuthUser } from '../../src/auth/auth-user';
import { AppError } from '../../src/common/app-error';
import { DemoService } from '../../src/demo/demo.service';
import { SlotDeleterService } from '../../src/studies/slot-deleter.service';
import { StudiesService } from '../../src/studies/studies.service';
import { StudySettingsService } from '../../src/studies/study-settings.service';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser } from '../support/factories';

describe('StudiesService on a real database', () => {
  let t: TestApp;
  let studies: StudiesService;
  let actor: AuthUser;

  beforeAll(async () => {
    t = await createTestApp();
    studies = t.app.get(StudiesService);
    const u = await createUser(t.dataSource);
    actor = { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: null };
  });
  afterAll(() => t.close());

  it('creates a study with defaults and organisations, and audits it', async () => {
    const s = await studies.create({ slug: 'int-one', title: 'Integration one' }, actor, {
      organisations: ['RET', 'Vitens'],
    });
    expect(s).toMatchObject({
      groupTargetSize: 3,
      groupMinSize: 2,
      groupMaxSize: 4,
      groupsPerQuadrant: 1,
      reservesPerGroup: 1,
      homeworkLeadDays: 7,
      sessionMinutes: 120,
      status: 'draft',
      locale: 'nl',
    });
    const detail = await studies.detail('int-one');
    expect(detail.organisations.map((o) => o.organisation.name)).toEqual(['RET', 'Vitens']);
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'study.create', studyId: s.id });
    expect(events).toHaveLength(1);
    expect(events[0].actorEmail).toBe(actor.email);
  });

  it('refuses a duplicate slug and changes nothing', async () => {
    await expect(studies.create({ slug: 'int-one', title: 'Again' }, actor)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'study.slug_taken',
    });
    expect((await studies.list({ offset: 0, limit: 200 })).items.filter((s) => s.slug === 'int-one')).toHaveLength(1);
  });

  it('refuses min > target with the field named', async () => {
    const settings = t.app.get(StudySettingsService);
    const err = (await settings.update('int-one', { groupMinSize: 4 }, actor).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.details).toHaveProperty('groupMinSize');
    expect((await studies.get('int-one')).groupMinSize).toBe(2);
  });

  it('adds and removes slots that fit a session', async () => {
    const slot = await studies.addSlot(
      'int-one',
      {
        start: '2036-12-09T10:00:00+01:00',
        end: '2036-12-09T12:00:00+01:00',
        onlineUrl: 'https://meet.example.org/s1',
      },
      actor,
    );
    expect(slot.startsAt.toISOString()).toBe('2036-12-09T09:00:00.000Z');
    await expect(
      studies.addSlot(
        'int-one',
        {
          start: '2036-12-09T10:00:00+01:00',
          end: '2036-12-09T11:00:00+01:00',
          onlineUrl: 'https://meet.example.org/s1',
        },
        actor,
      ),
    ).rejects.toMatchObject({
      code: 'study.slot_invalid',
      details: { end: ["is too early: the study's sessions need more time"] },
    });
    await t.app.get(SlotDeleterService).removeSlot('int-one', slot.id, actor);
    expect((await studies.detail('int-one')).slots).toHaveLength(0);
  });

  it('refuses the same organisation twice in one study', async () => {
    await expect(studies.addOrganisation('int-one', { name: 'RET' }, actor)).rejects.toMatchObject({
      code: 'study.organisation_exists',
    });
  });

  it('creates the demo study only on an empty database', async () => {
    const app: INestApplicationContext = t.app;
    const demo = app.get(DemoService);
    expect(await demo.ensureDemoStudy()).toBe(false); // studies exist already
    await t.dataSource.query('DELETE FROM study');
    expect(await demo.ensureDemoStudy(new Date('2026-11-23T08:00:00Z'))).toBe(true);
    const d = await studies.detail('wp2a');
    expect(d.study.title).toBe('Publieke dienstverlening in digitale transitie — klantperspectief');
    expect(d.organisations.map((o) => o.organisation.name)).toEqual([
      'Belastingdienst',
      'RET',
      'Vitens',
      'Gemeente Utrecht',
    ]);
    expect(d.slots).toHaveLength(8);
    expect(await demo.addDemoRespondents('wp2a', 2)).toBe(32);
  });
});
