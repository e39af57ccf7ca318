import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { createStudy, createUser } from '../support/factories';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

const ROWS = 50_000;
const HEADER = 'Geslacht;Leeftijd;Opleidingsniveau;Mate comfortabel met digitale middelen;Kwadrant;Organisatie';

function csvRows(n: number): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) lines.push(`${['m', 'v', 'x'][i % 3]};${20 + (i % 60)};hbo;neutraal;gemakzoeker;RET`);
  return Buffer.from(lines.join('\n') + '\n');
}

interface Answer<T> {
  /** Whether this answer came back before the import's. */
  beforeImport: boolean;
  status: number;
  value?: T;
}

// Proves by order, not by time, that an import holds up nobody: while one runs, other requests are answered
// (the import answers after many of them), and nobody reads half of it. How long anything takes is bench/import.ts's
// business; this machine is shared.
describe('a large import beside other requests', () => {
  let t: TestApp;
  let researcher: Agent;
  let csrf: string;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const fx = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
    ({ token } = await credentialsOf(t, fx.members[0].id));
    await createStudy(t.dataSource, { slug: 'parallel' }, { organisations: ['RET'] });
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent: researcher, csrf } = await loginAgent(t.app, u.email, u.password));
  });
  afterAll(() => t?.close());

  it('answers health checks, autosaves and pool reads while it runs, and the pool shows none or all of its rows', async () => {
    let importAnswered = false;
    const imported = researcher
      .post('/api/studies/parallel/respondents/import?fileName=panel.csv')
      .set('x-csrf-token', csrf)
      .set('content-type', 'text/csv')
      .send(csvRows(ROWS))
      .then((res) => {
        importAnswered = true;
        return res;
      });

    /** One request after another (a short pause between, as real clients leave) until the import has answered. */
    const meanwhile = async <T>(send: () => Promise<{ status: number; value?: T }>): Promise<Answer<T>[]> => {
      const answers: Answer<T>[] = [];
      while (!importAnswered) {
        const { status, value } = await send();
        answers.push({ beforeImport: !importAnswered, status, value });
        await new Promise((r) => setTimeout(r, 20));
      }
      return answers;
    };
    const visitor = anonymousAgent(t.app);
    let revision = 0;
    const [res, health, saves, pool] = await Promise.all([
      imported,
      meanwhile(async () => ({ status: (await visitor.get('/api/health')).status })),
      meanwhile(async () => {
        const save = await visitor
          .put(`/api/homework/${token}/draft`)
          .send({ revision, data: { firstName: `Ans ${revision}` } });
        if (save.status === 200) revision = (save.body as { revision: number }).revision;
        return { status: save.status };
      }),
      meanwhile(async () => {
        const page = await researcher.get('/api/studies/parallel/respondents?limit=1');
        return { status: page.status, value: (page.body as { total: number }).total };
      }),
    ]);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: ROWS, errorCount: 0 });
    // Each kind of request was answered, and more than once, before the import was.
    for (const answers of [health, saves, pool]) {
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(answers.filter((a) => a.beforeImport).length).toBeGreaterThan(1);
    }
    // No answer counted part of the import: it is stored in one transaction.
    expect(pool.filter((a) => a.value !== 0 && a.value !== ROWS)).toEqual([]);
    expect((await researcher.get('/api/studies/parallel/respondents?limit=1').expect(200)).body.total).toBe(ROWS);
    // Every autosave is kept: the last one's revision is stored, with its text.
    const stored = await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ revision });
    expect(revision).toBe(saves.length);
    expect(stored.draft).toEqual({ firstName: `Ans ${revision - 1}` });
  }, 300_000);
});
