import fc from 'fast-check';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { Respondent } from '../../src/respondents/respondent.entity';
import { createStudy } from '../support/factories';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { listenOnLoopback, RawAnswer, rawRequest } from '../support/raw-http';
import { SECURITY_HEADERS } from '../support/security-headers';
import { createTestApp, TestApp } from '../support/test-app';

// One error contract, whichever way a route is served: the same malformed bodies and headers sent to autosave
// by private link (answered ahead of Express), autosave by typed code (through Nest) and the screener (another
// module) get the same status, the same coded JSON and the same headers.

/** Headers that differ per answer by nature. */
const PER_ANSWER = new Set(['date', 'etag', 'content-length']);

const GOOD_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'application/merge-patch+json',
];
const BAD_TYPES = [
  'application/json; charset=utf-16',
  'application/json; charset=UTF-16LE',
  'application/json; charset=latin1',
  'application/json; charset=iso-8859-1',
  'application/json; charset=""',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/json',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=windows-1252',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/octet-stream',
];

/** A request body that prints short when fast-check reports a counterexample (some are 260 kB). */
class Body {
  constructor(readonly bytes: Buffer) {}
  [fc.toStringMethod](): string {
    const text = this.bytes.toString('latin1');
    return `Body(${this.bytes.length} bytes: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 60)}…${text.slice(-10)}` : text)})`;
  }
}

const utf8 = (text: string) => new Body(Buffer.from(text, 'utf8'));
const nested = (levels: number, open: string, close: string) =>
  `{"data":${open.repeat(levels)}${close.repeat(levels)}}`;
const insertAt = (text: string, at: number, piece: string) =>
  text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1));

/** A JSON object as the routes expect one (valid at the body level, so only a bad header can refuse it). */
const goodObject = fc
  .record({
    revision: fc.nat(5),
    data: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
  })
  .map((o) => JSON.stringify(o));

/** Bodies that the body rules refuse whatever the headers say. */
const badBody = fc.oneof(
  // broken JSON: cut short, or with a stray character in it
  goodObject.chain((text) => fc.integer({ min: 1, max: text.length - 1 }).map((n) => text.slice(0, n))).map(utf8),
  fc
    .tuple(goodObject, fc.nat(), fc.constantFrom("'", '}', ',', 'x', '\\'))
    .map(([text, at, c]) => utf8(insertAt(text, at === 0 ? 1 : at, c)))
    .filter((b) => !parses(b.bytes)),
  // not an object at the top
  fc
    .oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }))
    .map((v) => utf8(JSON.stringify(v))),
  // nested deeper than the limit
  fc
    .tuple(fc.integer({ min: 33, max: 2000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
    .map(([n, [open, close]]) => utf8(open === '[' ? nested(n, open, close) : nested(n, open, close))),
  // a NUL or half a surrogate pair in a key or a value
  fc
    .tuple(fc.constantFrom('\\u0000', '\\ud800', '\\udfff', '\\udc00\\ud800'), fc.boolean())
    .map(([bad, inKey]) => utf8(inKey ? `{"a${bad}":1,"revision":0}` : `{"revision":0,"data":{"a":"x${bad}"}}`)),
  // bytes that are not UTF-8
  fc
    .tuple(goodObject, fc.nat(), fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xeb]))
    .map(([text, at, bytes]) => {
      const b = Buffer.from(text, 'utf8');
      const cut = 1 + (at % (b.length - 1));
      return new Body(Buffer.concat([b.subarray(0, cut), Buffer.from(bytes), b.subarray(cut)]));
    }),
  // over the size limit
  fc.constant(utf8(JSON.stringify({ revision: 0, data: { a: 'x'.repeat(260 * 1024) } }))),
);

function parses(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const otherHeaders = fc.record(
  {
    accept: fc.constantFrom('*/*', 'application/json', 'text/html', 'text/html,application/xhtml+xml,*/*;q=0.8'),
    'accept-language': fc.constantFrom('nl', 'en', 'nl-NL,en;q=0.5'),
    'x-forwarded-for': fc.ipV4(),
  },
  { requiredKeys: [] },
);

const requestCase = fc.oneof(
  // a bad body with any content type (a bad one may be what refuses it first)
  fc.record({
    body: badBody,
    type: fc.constantFrom(...GOOD_TYPES, ...BAD_TYPES),
    encoding: fc.constantFrom(undefined, 'identity', 'gzip'),
    headers: otherHeaders,
  }),
  // a good body with a bad content type, charset or encoding
  fc.record({
    body: goodObject.map(utf8),
    type: fc.constantFrom(...BAD_TYPES),
    encoding: fc.constantFrom(undefined, 'identity'),
    headers: otherHeaders,
  }),
  fc.record({
    body: goodObject.map(utf8),
    type: fc.constantFrom(...GOOD_TYPES),
    encoding: fc.constantFrom('gzip', 'deflate', 'br'),
    headers: otherHeaders,
  }),
  // no content type at all
  fc.record({
    body: fc.oneof(goodObject.map(utf8), badBody),
    type: fc.constant(undefined),
    encoding: fc.constant(undefined),
    headers: otherHeaders,
  }),
);

describe('one error contract for malformed requests (generated inputs)', () => {
  let t: TestApp;
  let base: string;
  let fx: HomeworkFixture;
  let targets: { method: string; path: string }[];
  let screenerStudyId: number;

  beforeAll(async () => {
    // Over HTTPS every security header is set, Strict-Transport-Security included.
    t = await createTestApp({ baseUrl: 'https://kwadrant.test' });
    fx = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
    const { token, code } = await credentialsOf(t, fx.members[0].id);
    screenerStudyId = (await createStudy(t.dataSource, { slug: 'contract', status: 'recruiting' })).study.id;
    targets = [
      { method: 'PUT', path: `/api/homework/${token}/draft` },
      { method: 'PUT', path: `/api/homework/${code}/draft` },
      { method: 'POST', path: '/api/studies/contract/screener' },
    ];
    base = await listenOnLoopback(t);
  });
  afterAll(() => t?.close());

  const comparable = (answer: RawAnswer) => ({
    status: answer.status,
    body: JSON.parse(answer.text) as unknown,
    headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !PER_ANSWER.has(name))),
  });

  it('gives equal status, body and headers on all three routes, a coded 4xx, and saves nothing', async () => {
    await fc.assert(
      fc.asyncProperty(requestCase, async ({ body, type, encoding, headers }) => {
        const sent: Record<string, string> = {
          ...headers,
          ...(type === undefined ? {} : { 'content-type': type }),
          ...(encoding ? { 'content-encoding': encoding } : {}),
        };
        const answers = [];
        for (const target of targets)
          answers.push(comparable(await rawRequest(base, target.method, target.path, sent, body.bytes)));
        const [first, ...rest] = answers;
        for (const other of rest) expect(other).toEqual(first);
        expect(first.status === 400 || first.status === 413).toBe(true);
        expect(first.body).toEqual({
          statusCode: first.status,
          error: expect.any(String),
          message: expect.any(String),
          code: expect.stringMatching(/^request\./),
        });
        expect((first.body as { message: string }).message).not.toMatch(
          /position|Unexpected token|SyntaxError|at line/i,
        );
        for (const name of SECURITY_HEADERS) expect([name, typeof first.headers[name]]).toEqual([name, 'string']);
        expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(first.headers['cache-control']).toBe('no-store');
        expect(first.headers['set-cookie']).toBeUndefined();
      }),
      // Fixed seed and a bounded number of runs: the same cases on every machine, in a few seconds.
      { seed: Number(process.env.FC_SEED ?? 20261130), numRuns: Number(process.env.FC_RUNS ?? 80) },
    );
    expect(
      (await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId: fx.members[0].id }))
        .revision,
    ).toBe(0);
    expect(await t.dataSource.getRepository(Respondent).countBy({ studyId: screenerStudyId })).toBe(0);
  });
});
