import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
import { HomeworkService } from '../../src/homework/homework.service';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { anonymousAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

// Autosave by private link is answered ahead of Express; it still leaves the request log line every other
// request leaves, from the same logger, with the private parts of the URL masked.
describe('request log', () => {
  let t: TestApp;
  const lines: { req?: { method: string; url: string }; res?: { statusCode: number } }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'info', logFormat: 'json' });
    const stream = (PinoLogger.root as unknown as Record<symbol, { write(line: string): boolean }>)[symbols.streamSym];
    jest
      .spyOn(stream, 'write')
      .mockImplementation((line: string) => (lines.push(JSON.parse(line) as (typeof lines)[number]), true));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  const logged = () =>
    lines.filter((l) => l.req && l.res).map((l) => `${l.req!.method} ${l.req!.url} ${l.res!.statusCode}`);

  it('logs autosave by link and by code like any other request, tokens and codes masked', async () => {
    const fx = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
    const { token, code } = await credentialsOf(t, fx.members[0].id);
    const api = anonymousAgent(t.app);
    await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision: 0, data: { firstName: 'Ans' } })
      .expect(200);
    await api
      .put(`/api/homework/${code}/draft`)
      .send({ revision: 1, data: { firstName: 'Ans' } })
      .expect(200);
    await api.put(`/api/homework/${token}/draft`).type('text/plain').send('x').expect(400);
    await api.get('/api/health').expect(200);
    expect(logged()).toEqual([
      'PUT /api/homework/***/draft 200',
      'PUT /api/homework/***/draft 200',
      'PUT /api/homework/***/draft 400',
      'GET /api/health 200',
    ]);
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain(code);
  });
});
