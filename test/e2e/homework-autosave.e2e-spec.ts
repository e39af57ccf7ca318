import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { anonymousAgent } from '../support/http';
import { SECURITY_HEADERS } from '../support/security-headers';
import { createTestApp, TestApp } from '../support/test-app';

// Autosave by private link is answered ahead of Express (src/homework/autosave.route.ts); these hold it to
// what every other API answer does: headers, body checks, error JSON, and nothing changed on a refusal.
describe('autosave by private link', () => {
  let t: TestApp;
  let fx: HomeworkFixture;

  beforeAll(async () => {
    t = await createTestApp({ baseUrl: 'https://kwadrant.test' });
    fx = await createScheduledGroup(t.dataSource, { members: 2 });
    await t.app
      .get((await import('../../src/homework/homework.service')).HomeworkService)
      .sendForGroup(fx.study.slug, fx.group.id, null);
  });
  afterAll(() => t?.close());

  const stored = async (respondentId: number) =>
    t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId });

  it('carries the same security headers as the API answers served by Nest, and is never cached', async () => {
    const { token } = await credentialsOf(t, fx.members[0].id);
    const api = anonymousAgent(t.app);
    const viaNest = await api.get(`/api/homework/${token}`).expect(200);
    const direct = await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision: 0, data: { firstName: 'Ans' } })
      .expect(200);
    // Every security header, each present (the app runs over https here, so Strict-Transport-Security too).
    for (const header of SECURITY_HEADERS) {
      expect([header, typeof direct.headers[header]]).toEqual([header, 'string']);
      expect([header, direct.headers[header]]).toEqual([header, viaNest.headers[header]]);
    }
    expect(direct.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(direct.headers['cache-control']).toBe('no-store');
    expect(direct.headers['set-cookie']).toBeUndefined();
    expect(direct.body).toEqual({ revision: 1, savedAt: expect.any(String) });
    expect((await stored(fx.members[0].id)).draft).toEqual({ firstName: 'Ans' });
  });

  it('answers a bad body as the controller does for a typed code: same status, code, message and details', async () => {
    const { token, code } = await credentialsOf(t, fx.members[1].id);
    const api = anonymousAgent(t.app);
    for (const body of [
      { revision: 'x', data: [] },
      { revision: 0, data: {}, secret: 1 },
      { revision: 0, data: { nope: 1 } },
      { revision: 5, data: {} },
    ]) {
      const direct = await api.put(`/api/homework/${token}/draft`).send(body);
      const viaController = await api.put(`/api/homework/${code}/draft`).set('X-Forwarded-For', '10.9.9.9').send(body);
      expect(direct.status).toBeGreaterThanOrEqual(400);
      expect([direct.status, direct.body]).toEqual([viaController.status, viaController.body]);
    }
    expect((await stored(fx.members[1].id)).revision).toBe(0);
  });

  it('refuses a body that is not JSON, not valid JSON or too large, with a clear message, and saves nothing', async () => {
    const { token } = await credentialsOf(t, fx.members[1].id);
    const api = anonymousAgent(t.app);
    const url = `/api/homework/${token}/draft`;
    const notJson = await api.put(url).type('text/plain').send('{"revision":0,"data":{}}').expect(400);
    expect(notJson.body).toMatchObject({
      statusCode: 400,
      code: 'request.not_json',
      message: expect.stringContaining('application/json'),
    });
    const broken = await api.put(url).type('application/json').send('{"revision":0,').expect(400);
    expect(broken.body).toMatchObject({
      statusCode: 400,
      code: 'request.invalid_json',
      message: 'De inhoud van het verzoek is geen geldige JSON.',
    });
    const huge = await api
      .put(url)
      .send({ revision: 0, data: { contactMoments: 'x'.repeat(300 * 1024) } })
      .expect(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'request.too_large' });
    expect((await stored(fx.members[1].id)).revision).toBe(0);
    // The connection is still good for the next autosave.
    await api
      .put(url)
      .send({ revision: 0, data: { firstName: 'Bert' } })
      .expect(200);
  });

  it('leaves every other request to Express: other methods, other paths, and unknown links get the usual answers', async () => {
    const api = anonymousAgent(t.app);
    await api.put('/api/homework/unknown-link-0123456789/draft').send({ revision: 0, data: {} }).expect(404, {
      statusCode: 404,
      error: 'Not Found',
      message: 'Deze link of code kennen we niet. Kijk nog eens in de brief, of bel het nummer dat erin staat.',
      code: 'homework.not_found',
    });
    const { token } = await credentialsOf(t, fx.members[0].id);
    const post = await api.post(`/api/homework/${token}/draft`).send({ revision: 0, data: {} }).expect(404);
    expect(post.body.message).toBe(`Er is niets op POST /api/homework/${token}/draft.`);
  });
});
