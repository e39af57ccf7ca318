import { mkdtempSync } from 'fs';
import { join } from 'path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Coding } from '../../src/coding/coding.entity';
import { runCli } from '../support/cli';
import { codingAnswers, CodingFixture, createCodingStudy } from '../support/coding-factories';
import { createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';

interface WorkspaceBody {
  respondents: {
    assignmentId: number;
    pseudonym: string;
    organisation: string;
    quadrant: string;
    coded: number;
    answers: {
      question: string;
      title: string;
      text: string;
      codings: { id: number; codeId: number; memo: string | null }[];
    }[];
  }[];
  codes: { id: number; tekstId: string }[];
}

describe('the coding API and the coding list command', () => {
  let t: TestApp;
  let fx: CodingFixture;
  let a: { agent: Agent; csrf: string; id: number };
  let b: { agent: Agent; csrf: string; id: number };
  let partner: Agent;
  const url = () => `/api/studies/${fx.study.slug}/codings`;
  const code = (tekstId: string) => fx.codes.find((c) => c.tekstId === tekstId)!.id!;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCodingStudy(t, { members: 3 });
    const login = async (name: string) => {
      const u = await createUser(t.dataSource, { role: 'researcher', name });
      return { ...(await loginAgent(t.app, u.email, u.password)), id: u.id };
    };
    a = await login('Anna Codeur');
    b = await login('Bas Codeur');
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: fx.group.organisationId });
    partner = (await loginAgent(t.app, p.email, p.password)).agent;
  });
  afterAll(() => t.close());

  const apply = (who: typeof a, body: object) => who.agent.post(url()).set('x-csrf-token', who.csrf).send(body);
  const workspace = async (who: typeof a) => (await who.agent.get(url()).expect(200)).body as WorkspaceBody;

  it('shows the workspace by pseudonym with organisation and quadrant, never a name or e-mail', async () => {
    const w = await workspace(a);
    expect(w.respondents.map((r) => r.pseudonym)).toEqual(['R01', 'R02', 'R03']);
    expect(w.respondents[0]).toMatchObject({
      organisation: fx.organisationName,
      quadrant: 'Zekerheidszoeker',
      coded: 0,
    });
    expect(w.respondents[0].answers.map((x) => x.question)).toEqual(['contactMoments', 'goal', 'contactWhat']);
    const body = JSON.stringify(w);
    for (const m of fx.members) {
      expect(body).not.toContain(m.email!);
      expect(body).not.toContain(`"${m.firstName!}"`);
    }
    expect(body).not.toContain(`naam is ${fx.members[0].firstName!}`);
    expect(w.codes.map((c) => c.tekstId)).toEqual(['OORZAAK_FOUT', 'OORZAAK_SELFSERVICE', 'OORZAAK_NODIG']);

    const page = await a.agent.get(`/studies/${fx.study.slug}/coding?r=R02`).expect(200);
    expect(page.text).toContain('<h2 id="coding-respondent-heading">R02</h2>');
    expect(page.text).toMatch(/coding\?r(=|&#x3D;)R03" rel="next"/);
    for (const m of fx.members) expect(page.text).not.toContain(m.email!);
    const first = await a.agent.get(`/studies/${fx.study.slug}/coding?lang=en`).expect(200);
    expect(first.text).toContain('Code the homework');
    expect(first.text).not.toContain(`naam is ${fx.members[0].firstName!}`);
  });

  it('applies, annotates and removes codings; refuses bad spans and codes with a coded 400', async () => {
    const assignmentId = fx.assignments[1].id;
    const whole = (codingAnswers(2).contactMoments as string).length;
    const made = await apply(a, {
      assignmentId,
      question: 'contactMoments',
      start: 0,
      end: whole,
      codeId: code('OORZAAK_FOUT'),
    }).expect(201);
    expect(made.body).toMatchObject({ start: 0, end: whole, layer: 'coder', memo: null });

    const refusals: [object, string][] = [
      [
        { assignmentId, question: 'contactMoments', start: 0, end: whole + 1, codeId: code('OORZAAK_FOUT') },
        'coding.span_invalid',
      ],
      [{ assignmentId, question: 'channels', start: 0, end: 1, codeId: code('OORZAAK_FOUT') }, 'coding.no_answer'],
      [{ assignmentId: 99_999, question: 'goal', start: 0, end: 1, codeId: code('OORZAAK_FOUT') }, 'coding.no_answer'],
      [{ assignmentId, question: 'goal', start: 0, end: 1, codeId: 99_999 }, 'coding.code_unknown'],
      [{ assignmentId, question: 'goal', start: 0, end: 1, codeId: fx.codes[0].id }, 'coding.code_not_codable'],
    ];
    for (const [body, codeName] of refusals) {
      const r = await apply(a, body).expect(400);
      expect(r.body.code).toBe(codeName);
    }
    await apply(a, { assignmentId, question: 'goal', start: 'x', end: 1, codeId: 1 }).expect(400);
    expect(await t.dataSource.getRepository(Coding).count()).toBe(1);

    const memo = await a.agent
      .put(`${url()}/${made.body.id}/memo`)
      .set('x-csrf-token', a.csrf)
      .send({ memo: 'terugbellen' })
      .expect(200);
    expect(memo.body.memo).toBe('terugbellen');
    expect((await workspace(a)).respondents[1]).toMatchObject({ coded: 1 });
    await a.agent
      .put(`${url()}/${made.body.id}/shareable`)
      .set('x-csrf-token', a.csrf)
      .send({ shareable: true })
      .expect(200);

    const temp = await apply(a, {
      assignmentId,
      question: 'goal',
      start: 0,
      end: 3,
      codeId: code('OORZAAK_NODIG'),
    }).expect(201);
    await a.agent.delete(`${url()}/${temp.body.id}`).set('x-csrf-token', a.csrf).expect(204);
    await a.agent.delete(`${url()}/${temp.body.id}`).set('x-csrf-token', a.csrf).expect(404);
    const actions = (await t.dataSource.getRepository(AuditEvent).find({ where: { studyId: fx.study.id } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['coding.apply', 'coding.memo', 'coding.shareable', 'coding.remove']),
    );
  });

  it('is blind: a coder sees and changes only their own codings', async () => {
    const theirs = await apply(b, {
      assignmentId: fx.assignments[1].id,
      question: 'goal',
      start: 0,
      end: 2,
      codeId: code('OORZAAK_NODIG'),
    }).expect(201);
    const mine = await workspace(a);
    expect(mine.respondents[1].answers.find((x) => x.question === 'goal')!.codings).toEqual([]);
    expect((await workspace(b)).respondents[1].answers.find((x) => x.question === 'goal')!.codings).toHaveLength(1);
    await a.agent.put(`${url()}/${theirs.body.id}/memo`).set('x-csrf-token', a.csrf).send({ memo: 'x' }).expect(404);
    await a.agent.delete(`${url()}/${theirs.body.id}`).set('x-csrf-token', a.csrf).expect(404);
  });

  it('refuses partners everything here', async () => {
    await partner.get(url()).expect(403);
    await partner.get(`${url()}/final`).expect(403);
    await partner.get(`/studies/${fx.study.slug}/coding`).expect(403);
  });

  it('settles an answer and lists codings with the command, by pseudonym and coder name', async () => {
    await a.agent
      .put(`${url()}/final`)
      .set('x-csrf-token', a.csrf)
      .send({
        assignmentId: fx.assignments[1].id,
        question: 'goal',
        codings: [{ start: 0, end: 4, codeId: code('OORZAAK_SELFSERVICE') }],
      })
      .expect(200);
    expect((await a.agent.get(`${url()}/unsettled`).expect(200)).body).toEqual([]);

    const db = t.config.database;
    const env = {
      DATA_DIR: mkdtempSync(join(runDir(), 'coding-cli-')),
      DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
    };
    const all = await runCli(['coding', 'list', '--study', fx.study.slug, '--format', 'json'], env);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const listed = JSON.parse(all.stdout) as {
      respondent: string;
      coder: string;
      codes: string[];
      final: boolean;
      text: string;
      question: string;
    }[];
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          respondent: 'R02',
          question: 'contactMoments',
          codes: ['OORZAAK_FOUT'],
          coder: 'Anna Codeur',
          final: true,
        }),
        expect.objectContaining({
          respondent: 'R02',
          question: 'goal',
          codes: ['OORZAAK_NODIG'],
          coder: 'Bas Codeur',
          final: false,
        }),
        expect.objectContaining({ respondent: 'R02', question: 'goal', codes: ['OORZAAK_SELFSERVICE'], final: true }),
      ]),
    );
    const final = await runCli(['coding', 'list', '--study', fx.study.slug, '--final', '--format', 'json'], env);
    expect(final.code).toBe(0);
    const finals = JSON.parse(final.stdout) as {
      respondent: string;
      question: string;
      codes: string[];
      text: string;
      final: boolean;
    }[];
    expect(finals.map((f) => [f.respondent, f.question, f.codes, f.final])).toEqual([
      ['R02', 'contactMoments', ['OORZAAK_FOUT'], true],
      ['R02', 'goal', ['OORZAAK_SELFSERVICE'], true],
    ]);
    expect(finals[1].text).toBe((codingAnswers(2).goal as string).slice(0, 4));
    // Both lists left the platform with the respondents' words: each is an audit event.
    const exports = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'coding.list.export' }, order: { id: 'ASC' } });
    expect(exports.map((e) => e.details)).toEqual([
      { final: false, codings: listed.length },
      { final: true, codings: 2 },
    ]);
    const bad = await runCli(['coding', 'list', '--study', 'nope', '--format', 'json'], env);
    expect(bad.code).not.toBe(0);
  });
});
