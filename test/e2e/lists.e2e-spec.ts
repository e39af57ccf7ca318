import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditService } from '../../src/audit/audit.service';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxService } from '../../src/mail/outbox.service';
import { createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { enqueueMail } from '../support/outbox-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

// The audit log and the outbox: filters, bounded pages, and a 400 (never a 500) for a page they cannot give.
describe('audit and outbox lists', () => {
  let t: TestApp;
  let agent: Agent;
  let studyA: number;
  let studyB: number;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent } = await loginAgent(t.app, u.email, u.password));
    studyA = (await createStudy(t.dataSource, { title: 'Studie A' })).study.id;
    studyB = (await createStudy(t.dataSource, { title: 'Studie B' })).study.id;
    const audit = t.app.get(AuditService);
    const anna = { id: u.id, email: 'Anna.de.Vries@example.org' };
    for (let i = 0; i < 5; i++)
      await audit.record({
        actor: anna,
        action: 'group.confirm',
        studyId: studyA,
        subjectType: 'focus_group',
        subjectId: 10 + i,
        details: { from: 'proposed', to: 'confirmed' },
      });
    await audit.record({
      actor: null,
      action: 'homework.assign',
      studyId: studyB,
      subjectType: 'respondent',
      subjectId: 34,
      details: { assignmentId: 1, sessionId: 2, letter: true },
    });
    // Two events on known Dutch days: 8 December 2026 00:30 in Amsterdam is 7 December 23:30 UTC.
    const repo = t.dataSource.getRepository(AuditEvent);
    await repo.save([
      repo.create({
        occurredAt: new Date('2026-12-07T23:30:00Z'),
        action: 'study.update',
        studyId: studyA,
        subjectType: 'study',
        subjectId: 'a',
        actorEmail: 'piet@example.org',
        actorId: null,
        details: null,
      }),
      repo.create({
        occurredAt: new Date('2026-12-08T22:59:00Z'),
        action: 'study.update',
        studyId: studyA,
        subjectType: 'study',
        subjectId: 'a',
        actorEmail: 'piet@example.org',
        actorId: null,
        details: null,
      }),
      repo.create({
        occurredAt: new Date('2026-12-08T23:00:00Z'),
        action: 'study.update',
        studyId: studyA,
        subjectType: 'study',
        subjectId: 'a',
        actorEmail: 'piet@example.org',
        actorId: null,
        details: null,
      }),
    ]);
    const outbox = t.app.get(OutboxService);
    await inTransaction(t, async () => {
      for (let i = 0; i < 3; i++)
        await enqueueMail(outbox, { studyId: studyA, kind: 'invitation', to: `lid${i}@example.org` });
      await enqueueMail(outbox, { studyId: studyB, kind: 'homework-letter', to: 'Jan_Janssen@example.org' });
    });
    await t.dataSource
      .getRepository(OutboxMessage)
      .update({ kind: 'homework-letter' }, { createdAt: new Date('2026-12-08T12:00:00Z') });
    await t.dataSource
      .getRepository(OutboxMessage)
      .update({ kind: 'invitation' }, { createdAt: new Date('2026-12-09T00:00:00Z') });
  });
  afterAll(() => t.close());

  const api = async (path: string) => (await agent.get(path).expect(200)).body;

  it('pages the audit log with its total', async () => {
    const first = await api('/api/audit?action=group&limit=2');
    expect(first).toMatchObject({ total: 5, offset: 0, limit: 2 });
    expect(first.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['14', '13']);
    const last = await api('/api/audit?action=group&limit=2&offset=4');
    expect(last.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['10']);
  });

  it('filters the audit log by kind, study, actor and Dutch days', async () => {
    expect((await api(`/api/audit?studyId=${studyB}`)).items.map((e: { action: string }) => e.action)).toEqual([
      'homework.assign',
    ]);
    expect((await api('/api/audit?actor=anna.DE')).total).toBe(5);
    expect((await api('/api/audit?actor=%25')).total).toBe(0); // % is matched literally, not as a wildcard
    const day = await api('/api/audit?action=study.update&from=2026-12-08&to=2026-12-08');
    expect(day.items.map((e: { occurredAt: string }) => new Date(e.occurredAt).toISOString())).toEqual([
      '2026-12-08T22:59:00.000Z',
      '2026-12-07T23:30:00.000Z',
    ]);
  });

  it('pages and filters the outbox', async () => {
    const page = await api('/api/outbox?kind=invitation&limit=2&offset=2');
    expect(page).toMatchObject({ total: 3, offset: 2, limit: 2 });
    expect(page.items).toHaveLength(1);
    expect((await api('/api/outbox?recipient=jan_j')).items.map((m: { toAddress: string }) => m.toAddress)).toEqual([
      'Jan_Janssen@example.org',
    ]);
    expect((await api(`/api/outbox?studyId=${studyA}`)).total).toBe(3);
    expect((await api('/api/outbox?from=2026-12-08&to=2026-12-08')).items.map((m: { kind: string }) => m.kind)).toEqual(
      ['homework-letter'],
    );
    expect((await api('/api/outbox?from=2026-12-09')).items.map((m: { kind: string }) => m.kind)).toEqual([
      'invitation',
      'invitation',
      'invitation',
    ]);
  });

  it.each(['/api/audit', '/api/outbox'])(
    'refuses a page it cannot give on %s with a 400 that names the parameter',
    async (path) => {
      for (const [query, field] of [
        ['offset=-1', 'offset'],
        ['offset=1e3', 'offset'],
        ['offset=abc', 'offset'],
        ['offset=9223372036854775808', 'offset'],
        ['offset=18446744073709551616', 'offset'],
        ['offset=1.5', 'offset'],
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['limit=1e2', 'limit'],
        ['studyId=99999999999', 'studyId'],
        ['from=2026-02-30', 'from'],
        ['to=08-12-2026', 'to'],
      ]) {
        const res = await agent.get(`${path}?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body).toMatchObject({ statusCode: 400, code: 'validation.failed' });
        expect(Object.keys(res.body.details)).toEqual([field]);
      }
    },
  );

  it('refuses a bad page on the pages too, in Dutch, without a 500', async () => {
    for (const path of ['/audit?offset=9223372036854775808', '/outbox?limit=abc']) {
      const res = await agent.get(path);
      expect(res.status).toBe(400);
      expect(res.text).toContain('Dat ging niet goed');
    }
  });

  it('shows audit events as sentences in the reader’s language, with the study and paging links', async () => {
    const nl = await agent.get('/audit?action=group&limit=3').expect(200);
    expect(nl.text).toContain('Groep 14 bevestigd');
    expect(nl.text).not.toContain('group.confirm');
    expect(nl.text).toContain('1–3 van 5');
    expect(nl.text).toContain('href="/audit?action&#x3D;group&amp;limit&#x3D;3&amp;offset&#x3D;3" rel="next"');
    const en = await agent.get('/audit?lang=en&action=homework').expect(200);
    expect(en.text).toContain('Prepared the homework for respondent 34');
    expect(en.text).toContain('Studie B');
    expect(en.text).not.toContain('homework.assign');
    expect(en.text).not.toContain('{&quot;');
  });

  it('shows kinds of e-mail as words on the outbox page and keeps the filter in the paging links', async () => {
    const res = await agent.get('/outbox?kind=invitation&limit=2&lang=nl').expect(200);
    expect(res.text).toContain('Uitnodiging');
    expect(res.text).not.toContain('<code>invitation</code>');
    expect(res.text).toContain('href="/outbox?kind&#x3D;invitation&amp;limit&#x3D;2&amp;offset&#x3D;2" rel="next"');
    expect(res.text).toContain('<option value="homework-letter">Huiswerkbrief</option>');
  });
});
