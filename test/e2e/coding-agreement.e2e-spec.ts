// Double coding through the API and the page: agreement values computed by hand for two and three coders, the
// disagreements, and settling one into the final coding.
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { CodingQueryService } from '../../src/coding/coding-query.service';
import { CodingService } from '../../src/coding/coding.service';
import { codingAnswers, CodingFixture, createCodingStudy } from '../support/coding-factories';
import { createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

const QUESTIONS = ['contactMoments', 'goal', 'contactWhat'] as const;

interface Coefficient {
  value: number | null;
  units: number;
}
interface ApiAgreement {
  coders: { id: number; name: string }[];
  units: number;
  overall: { alpha: Coefficient; kappa: Coefficient | null };
  perCode: { tekstId: string; alpha: Coefficient; kappa: Coefficient | null; disagreements: number }[];
  disagreements: {
    assignmentId: number;
    pseudonym: string;
    question: string;
    coders: { id: number; codes: { tekstId: string }[] }[];
    differing: string[];
    settled: string[] | null;
  }[];
}

describe('double coding: agreement and settling', () => {
  let t: TestApp;
  let fx: CodingFixture;
  let researcher: Agent;
  let csrf: string;
  let partner: Agent;
  const coders: { id: number; email: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCodingStudy(t, { members: 4, slug: 'dubbel' });
    for (const name of ['Coder A', 'Coder B', 'Coder C'])
      coders.push(await createUser(t.dataSource, { role: 'researcher', name }));
    const r = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent: researcher, csrf } = await loginAgent(t.app, r.email, r.password));
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: fx.members[0].organisationId! });
    partner = (await loginAgent(t.app, p.email, p.password)).agent;
  });
  afterAll(() => t.close());

  const code = (tekstId: string) => fx.codes.find((c) => c.tekstId === tekstId)!.id!;
  /** Unit u (1-12) is answer u-1 in homework order: three answers per homework. */
  const apply = async (coder: { id: number; email: string }, units: number[], tekstId: string) => {
    for (const u of units) {
      const assignment = fx.assignments[Math.floor((u - 1) / 3)];
      const question = QUESTIONS[(u - 1) % 3];
      const text = codingAnswers(1)[question] as string;
      await t.app.get(CodingService).apply(
        {
          studyId: fx.study.id,
          assignmentId: assignment.id,
          question,
          start: 0,
          end: Math.min(5, text.length),
          codeId: code(tekstId),
          coderId: coder.id,
        },
        coder,
      );
    }
  };
  const agreement = async () =>
    (await researcher.get(`/api/studies/${fx.study.slug}/coding/agreement`).expect(200)).body as ApiAgreement;
  const perCode = (a: ApiAgreement, tekstId: string) => a.perCode.find((c) => c.tekstId === tekstId)!;

  it('with two coders: Cohen’s kappa and Krippendorff’s alpha per code and overall, over the answers both coded', async () => {
    const [a, b] = coders;
    // OORZAAK_FOUT: both on 1-4, only A on 5-6, only B on 7-8, neither on 9-12. OORZAAK_NODIG: both on 9 and 12.
    await apply(a, [1, 2, 3, 4, 5, 6], 'OORZAAK_FOUT');
    await apply(b, [1, 2, 3, 4, 7, 8], 'OORZAAK_FOUT');
    await apply(a, [9, 12], 'OORZAAK_NODIG');
    await apply(b, [9, 12], 'OORZAAK_NODIG');

    const result = await agreement();
    expect(result.coders.map((c) => c.name)).toEqual(['Coder A', 'Coder B']);
    expect(result.units).toBe(12);
    // po = 8/12, pe = 0.5 → κ = 1/3; α = 1 − 23·8 / (24² − 12² − 12²) = 0.3611.
    const fout = perCode(result, 'OORZAAK_FOUT');
    expect(fout.kappa!.value).toBeCloseTo(1 / 3, 10);
    expect(fout.kappa!.units).toBe(12);
    expect(fout.alpha.value).toBeCloseTo(1 - 184 / 288, 10);
    expect(fout.disagreements).toBe(4);
    expect(perCode(result, 'OORZAAK_NODIG')).toMatchObject({
      alpha: { value: 1 },
      kappa: { value: 1 },
      disagreements: 0,
    });
    // Overall over the set of codes per answer: po = 8/12, pe = (36 + 16 + 4)/144 → κ = 5/11; α = 1 − 184/352.
    expect(result.overall.kappa!.value).toBeCloseTo(5 / 11, 10);
    expect(result.overall.alpha.value).toBeCloseTo(1 - 184 / 352, 10);

    expect(result.disagreements.map((d) => [d.pseudonym, d.question, d.differing])).toEqual([
      ['R02', 'goal', ['OORZAAK_FOUT']],
      ['R02', 'contactWhat', ['OORZAAK_FOUT']],
      ['R03', 'contactMoments', ['OORZAAK_FOUT']],
      ['R03', 'goal', ['OORZAAK_FOUT']],
    ]);
    expect(result.disagreements[0].coders).toEqual([
      { id: a.id, name: 'Coder A', codes: [expect.objectContaining({ tekstId: 'OORZAAK_FOUT' })] },
      { id: b.id, name: 'Coder B', codes: [] },
    ]);
    expect(result.disagreements.every((d) => d.settled === null)).toBe(true);
    // No respondent's name or e-mail on the way.
    expect(JSON.stringify(result)).not.toContain(fx.members[0].email!);
  });

  it('settles a disagreement into the final coding (API), and refuses codes no coder applied or none at all', async () => {
    const [a] = coders;
    const d = (await agreement()).disagreements[0];
    const settle = (codes: string[]) =>
      researcher
        .post(`/api/studies/${fx.study.slug}/coding/agreement/settle`)
        .set('x-csrf-token', csrf)
        .send({ assignmentId: d.assignmentId, question: d.question, codes });
    expect((await settle([])).body).toMatchObject({ code: 'coding.settle_empty' });
    expect((await settle(['OORZAAK_NODIG'])).body).toMatchObject({ code: 'coding.settle_code_not_applied' });
    await settle(['OORZAAK_FOUT']).expect(200, { settled: 1 });

    const after = await agreement();
    expect(
      after.disagreements.find((x) => x.assignmentId === d.assignmentId && x.question === d.question)!.settled,
    ).toEqual(['OORZAAK_FOUT']);
    // The statistics stay those of the coders: settling does not change what they coded.
    expect(after.overall.kappa!.value).toBeCloseTo(5 / 11, 10);
    const finals = await t.app.get(CodingQueryService).finalCodings(fx.study.id);
    const settled = finals.filter((f) => f.assignmentId === d.assignmentId && f.question === d.question);
    expect(settled).toEqual([
      expect.objectContaining({
        layer: 'final',
        start: 0,
        end: 5,
        codes: [expect.objectContaining({ tekstId: 'OORZAAK_FOUT' })],
      }),
    ]);
    expect(settled[0].coderId).not.toBe(a.id);
    const audits = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'coding.settle', studyId: fx.study.id });
    expect(audits).toHaveLength(1);
  });

  it('settles from the page by its form, and shows a refusal next to the choices', async () => {
    const open = (await agreement()).disagreements.filter((d) => d.settled === null);
    const d = open[0];
    // The question above a disagreement is asked in the reader's language, as in the coding workspace.
    const english = await researcher.get(`/studies/${fx.study.slug}/coding/agreement?lang=en`).expect(200);
    expect(english.text).toContain('Which moment or moments of contact with');
    expect(english.text).not.toContain('Welk contactmoment');
    const dutch = await researcher.get(`/studies/${fx.study.slug}/coding/agreement?lang=nl`).expect(200);
    expect(dutch.text).toContain('Welk contactmoment');
    const url = `/studies/${fx.study.slug}/coding/agreement/answers/${d.assignmentId}/${d.question}/settle`;
    const refused = await researcher.post(url).type('form').send({ _csrf: csrf }).expect(400);
    expect(refused.text).toContain('kies minstens één code');
    expect(refused.text).toContain(`id="codes-${d.assignmentId}-${d.question}-error"`);
    const done = await researcher.post(url).type('form').send({ _csrf: csrf, codes: 'OORZAAK_FOUT' }).expect(303);
    expect(done.headers.location).toBe(
      `/studies/${fx.study.slug}/coding/agreement#answer-${d.assignmentId}-${d.question}`,
    );
    const page = await researcher.get(`/studies/${fx.study.slug}/coding/agreement`).expect(200);
    expect(page.text).toContain('Krippendorffs alfa');
    expect(page.text).toContain('0,455'); // κ = 5/11 in Dutch notation
    expect(page.text).not.toContain(`action="${url}"`);
  });

  it('with three coders: alpha only, per code and overall', async () => {
    const [, , c] = coders;
    // Coder C codes exactly as A: OORZAAK_FOUT on 1-6, OORZAAK_NODIG on 9 and 12.
    await apply(c, [1, 2, 3, 4, 5, 6], 'OORZAAK_FOUT');
    await apply(c, [9, 12], 'OORZAAK_NODIG');
    const result = await agreement();
    expect(result.coders.map((x) => x.name)).toEqual(['Coder A', 'Coder B', 'Coder C']);
    expect(result.overall.kappa).toBeNull();
    const fout = perCode(result, 'OORZAAK_FOUT');
    expect(fout.kappa).toBeNull();
    // 36 values, 18 "yes"; four units split 2:1 add 2 each → α = 1 − 35·8 / (36² − 18² − 18²).
    expect(fout.alpha.value).toBeCloseTo(1 - 280 / 648, 10);
    expect(fout.alpha.units).toBe(12);
  });

  it('keeps a quote mark a later coder set on the very span the final coding takes from the first coder', async () => {
    const [a, , c] = coders;
    // Unit 6: A and C both applied OORZAAK_FOUT to its first five characters; only C marked it shareable.
    const assignmentId = fx.assignments[1].id;
    const question = QUESTIONS[2];
    const ofC = (await t.app.get(CodingQueryService).codings(fx.study.id, { layer: 'coder', coderId: c.id })).find(
      (s) => s.assignmentId === assignmentId && s.question === question,
    )!;
    await t.app.get(CodingService).setShareable(ofC.codes[0].codingId, true, c, fx.study.id);
    await researcher
      .post(`/api/studies/${fx.study.slug}/coding/agreement/settle`)
      .set('x-csrf-token', csrf)
      .send({ assignmentId, question, codes: ['OORZAAK_FOUT'] })
      .expect(200, { settled: 1 });
    const [final] = (await t.app.get(CodingQueryService).finalCodings(fx.study.id)).filter(
      (f) => f.assignmentId === assignmentId && f.question === question,
    );
    expect(final).toMatchObject({ start: 0, end: 5, shareable: true });
    expect(final.codes[0]).toMatchObject({ tekstId: 'OORZAAK_FOUT', shareable: true });
    expect(a.id).toBeLessThan(c.id);
  });

  it('is for researchers only', async () => {
    await partner.get(`/api/studies/${fx.study.slug}/coding/agreement`).expect(403);
    await partner.get(`/studies/${fx.study.slug}/coding/agreement`).expect(403);
    await researcher.get('/api/studies/unknown/coding/agreement').expect(404);
  });
});
