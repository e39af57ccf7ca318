import request from 'supertest';
import { HomeworkService } from '../../src/homework/homework.service';
import { MAX_CODE_FAILURES_PER_IP } from '../../src/homework/homework-links.service';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { createTestApp, TestApp } from '../support/test-app';

// The typed homework code's throttle under parallel guessing: each try is taken from the address's allowance before
// the code is checked, so a burst cannot get more codes checked than the limit, whichever way the code arrives.

/** A wrong code of the right shape (8 letters and digits), a different one per guess. */
const wrongCode = (i: number) => `ZZ${'ABCDEFGH'[Math.floor(i / 8) % 8]}${'ABCDEFGH'[i % 8]}-ZZZZ`;

function typeCode(t: TestApp, code: string, forwardedFor: string) {
  return request(t.app.getHttpServer()).post('/h').type('form').set('x-forwarded-for', forwardedFor).send({ code });
}

const statuses = (results: { status: number }[]) => results.map((r) => r.status).sort();

describe('homework code throttle under parallel guesses (behind a trusted proxy)', () => {
  let t: TestApp;
  let code: string;
  let otherCode: string;

  beforeAll(async () => {
    t = await createTestApp({ trustProxy: ['loopback'] });
    const fx = await createScheduledGroup(t.dataSource, { members: 2 });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
    code = (await credentialsOf(t, fx.members[0].id)).code;
    otherCode = (await credentialsOf(t, fx.members[1].id)).code;
  });
  afterAll(() => t.close());

  it('checks at most the limit of 40 parallel wrong codes typed at /h, and refuses the right code after them', async () => {
    const ip = '198.51.100.10';
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => typeCode(t, wrongCode(i), ip)));
    expect(statuses(results)).toEqual([
      ...Array(MAX_CODE_FAILURES_PER_IP).fill(404),
      ...Array(40 - MAX_CODE_FAILURES_PER_IP).fill(429),
    ]);
    const right = await typeCode(t, code, ip).expect(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Another client address behind the same proxy is not affected.
    await typeCode(t, code, '198.51.100.11').expect(303);
  });

  it('counts parallel guesses through the API and autosave paths against the same allowance', async () => {
    const ip = '198.51.100.20';
    const agent = () => request(t.app.getHttpServer());
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2
          ? agent()
              .get(`/api/homework/${wrongCode(i)}`)
              .set('x-forwarded-for', ip)
          : agent()
              .put(`/api/homework/${wrongCode(i)}/draft`)
              .set('x-forwarded-for', ip)
              .send({ revision: 0, data: {} }),
      ),
    );
    expect(results.filter((r) => r.status === 404)).toHaveLength(MAX_CODE_FAILURES_PER_IP);
    expect(results.filter((r) => r.status === 429)).toHaveLength(30 - MAX_CODE_FAILURES_PER_IP);
    for (const r of results.filter((r) => r.status === 429)) expect(r.body.code).toBe('homework.code_throttled');
    await agent().get(`/api/homework/${code}`).set('x-forwarded-for', ip).expect(429);
  });

  it('gives a right code its try back, so a respondent who keeps using the code is never throttled', async () => {
    const ip = '198.51.100.30';
    const agent = () => request(t.app.getHttpServer());
    const opened = await Promise.all(
      Array.from({ length: 3 * MAX_CODE_FAILURES_PER_IP }, () =>
        agent().get(`/api/homework/${otherCode}`).set('x-forwarded-for', ip),
      ),
    );
    expect(new Set(opened.map((r) => r.status))).toEqual(new Set([200]));
    let revision = opened[0].body.revision as number;
    for (let i = 0; i < MAX_CODE_FAILURES_PER_IP + 2; i++) {
      const saved = await agent()
        .put(`/api/homework/${otherCode}/draft`)
        .set('x-forwarded-for', ip)
        .send({ revision, data: { firstName: `Ans ${i}` } })
        .expect(200);
      revision = saved.body.revision;
    }
    // A stale save by the right code is a conflict, not a failed guess.
    for (let i = 0; i < MAX_CODE_FAILURES_PER_IP + 2; i++)
      await agent()
        .put(`/api/homework/${otherCode}/draft`)
        .set('x-forwarded-for', ip)
        .send({ revision: 0, data: {} })
        .expect(409);
    // Nine wrong codes still leave the tenth try for the right one.
    for (let i = 0; i < MAX_CODE_FAILURES_PER_IP - 1; i++) await typeCode(t, wrongCode(i), ip).expect(404);
    await typeCode(t, otherCode, ip).expect(303);
  });
});

describe('homework code throttle without a trusted proxy (the default)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('counts parallel wrong codes per connection whatever X-Forwarded-For claims', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => typeCode(t, wrongCode(i), `203.0.113.${i}`)),
    );
    expect(results.filter((r) => r.status === 404)).toHaveLength(MAX_CODE_FAILURES_PER_IP);
    expect(results.filter((r) => r.status === 429)).toHaveLength(25 - MAX_CODE_FAILURES_PER_IP);
  });
});
