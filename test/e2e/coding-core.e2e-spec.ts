import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AppError } from '../../src/common/app-error';
import { CodingQueryService, type CodedSpan } from '../../src/coding/coding-query.service';
import { CodebookService } from '../../src/coding/codebook.service';
import { Coding } from '../../src/coding/coding.entity';
import { CodingService } from '../../src/coding/coding.service';
import { ErasureService } from '../../src/privacy/erasure.service';
import { StudyOrganisation } from '../../src/studies/study-organisation.entity';
import { codingAnswers, CodingFixture, createCodingStudy } from '../support/coding-factories';
import { createUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** A span of finalCodings as finalCodingsToCount gives it, without its text. */
const counting = (s: CodedSpan) => ({
  respondentId: s.respondentId,
  question: s.question,
  start: s.start,
  end: s.end,
  tekstIds: s.codes.flatMap((c) => (c.tekstId ? [c.tekstId] : [])),
  shareable: s.shareable,
});

describe('codings (service contract)', () => {
  let t: TestApp;
  let fx: CodingFixture;
  let service: CodingService;
  let query: CodingQueryService;
  let a: { id: number; email: string };
  let b: { id: number; email: string };
  const code = (tekstId: string) => fx.codes.find((c) => c.tekstId === tekstId)!.id!;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCodingStudy(t, { members: 3 });
    service = t.app.get(CodingService);
    query = t.app.get(CodingQueryService);
    a = await createUser(t.dataSource, { role: 'researcher', name: 'Coder A' });
    b = await createUser(t.dataSource, { role: 'researcher', name: 'Coder B' });
  });
  afterAll(() => t.close());

  const refused = async (work: Promise<unknown>, code: string) => {
    const err = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code, kind: 'invalid' });
  };
  const apply = (i: number, question: string, start: number, end: number, codeId: number, by = a) =>
    service.apply(
      { studyId: fx.study.id, assignmentId: fx.assignments[i].id, question, start, end, codeId, coderId: by.id },
      by,
    );

  it('applies a code to a span and to a whole answer, audited, and refuses what does not fit', async () => {
    const text = codingAnswers(2).contactMoments as string;
    const span = await apply(1, 'contactMoments', 3, 8, code('OORZAAK_FOUT'));
    const whole = await apply(1, 'contactMoments', 0, text.length, code('OORZAAK_NODIG'));
    expect(span).toMatchObject({ layer: 'coder', respondentId: fx.members[1].id, start: 3, end: 8 });
    expect(whole.end).toBe(text.length);
    // The same again is the same coding.
    expect((await apply(1, 'contactMoments', 3, 8, code('OORZAAK_FOUT'))).id).toBe(span.id);

    const before = await t.dataSource.getRepository(Coding).count();
    await refused(apply(1, 'contactMoments', 0, text.length + 1, code('OORZAAK_FOUT')), 'coding.span_invalid');
    await refused(apply(1, 'contactMoments', 4, 4, code('OORZAAK_FOUT')), 'coding.span_invalid');
    await refused(apply(1, 'channels', 0, 1, code('OORZAAK_FOUT')), 'coding.no_answer');
    await refused(apply(1, 'firstName', 0, 1, code('OORZAAK_FOUT')), 'coding.no_answer');
    await refused(
      apply(1, 'contactMoments', 0, 3, fx.codes.find((c) => c.tekstId === null)!.id!),
      'coding.code_not_codable',
    );
    await refused(apply(1, 'contactMoments', 0, 3, 999_999), 'coding.code_unknown');
    await refused(
      service.apply(
        {
          studyId: fx.study.id + 1000,
          assignmentId: fx.assignments[1].id,
          question: 'goal',
          start: 0,
          end: 1,
          codeId: code('OORZAAK_FOUT'),
          coderId: a.id,
        },
        a,
      ),
      'coding.no_answer',
    );
    expect(await t.dataSource.getRepository(Coding).count()).toBe(before);
    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'coding.apply' });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('klantenservice');
  });

  it("keeps each coder's layer to the coder: others' codings are not there for them", async () => {
    const theirs = await apply(2, 'goal', 0, 2, code('OORZAAK_FOUT'), b);
    await expect(service.remove(theirs.id, a)).rejects.toMatchObject({ code: 'coding.not_found' });
    await expect(service.setMemo(theirs.id, 'x', a)).rejects.toMatchObject({ code: 'coding.not_found' });
    const own = await query.codings(fx.study.id, { coderId: a.id });
    expect(own.every((s) => s.coderId === a.id)).toBe(true);
    expect((await query.codings(fx.study.id, { coderId: b.id })).map((s) => s.start)).toEqual([0]);
  });

  it('sets and clears memos and the shareable mark, and removes a coding', async () => {
    const c = await apply(1, 'contactWhat', 0, 7, code('OORZAAK_SELFSERVICE'));
    expect((await service.setMemo(c.id, '  belde eerst  ', a)).memo).toBe('belde eerst');
    await refused(service.setMemo(c.id, 'x'.repeat(2001), a), 'coding.memo_too_long');
    expect((await service.setShareable(c.id, true, a)).shareable).toBe(true);
    const span = (await query.codings(fx.study.id, { coderId: a.id })).find((s) => s.question === 'contactWhat')!;
    expect(span).toMatchObject({ text: 'Ik heb ', shareable: true, pseudonym: 'R02' });
    expect(span.codes).toEqual([
      expect.objectContaining({ tekstId: 'OORZAAK_SELFSERVICE', memo: 'belde eerst', codingId: c.id }),
    ]);
    await service.remove(c.id, a);
    expect(await t.dataSource.getRepository(Coding).findOneBy({ id: c.id })).toBeNull();
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'coding.remove' })).toBe(1);
  });

  it('gives final codings: single coder, agreed, settled; and lists the unsettled answers', async () => {
    // R01: A and B agree on the code set of "goal" (different spans): agreed, A's spans (A coded first).
    await apply(0, 'goal', 0, 4, code('OORZAAK_NODIG'));
    await apply(0, 'goal', 2, 9, code('OORZAAK_NODIG'), b);
    // R03's "goal": B applied FOUT (earlier test), A applies NODIG: unsettled.
    await apply(2, 'goal', 0, 5, code('OORZAAK_NODIG'));
    let unsettled = await query.unsettled(fx.study.id);
    expect(unsettled).toEqual([
      expect.objectContaining({ pseudonym: 'R03', question: 'goal', coderIds: [b.id, a.id] }),
    ]);
    let final = await query.finalCodings(fx.study.id);
    expect(
      final.map((s) => [s.pseudonym, s.question, s.start, s.end, s.codes.map((c) => c.tekstId), s.coderId]),
    ).toEqual([
      ['R01', 'goal', 0, 4, ['OORZAAK_NODIG'], a.id],
      ['R02', 'contactMoments', 3, 8, ['OORZAAK_FOUT'], a.id],
      ['R02', 'contactMoments', 0, (codingAnswers(2).contactMoments as string).length, ['OORZAAK_NODIG'], a.id],
    ]);
    expect(final.every((s) => s.final)).toBe(true);

    await service.settle(
      { studyId: fx.study.id, assignmentId: fx.assignments[2].id, question: 'goal' },
      [{ start: 0, end: 5, codeId: code('OORZAAK_FOUT'), shareable: true }],
      a,
    );
    unsettled = await query.unsettled(fx.study.id);
    expect(unsettled).toEqual([]);
    final = await query.finalCodings(fx.study.id);
    expect(final.find((s) => s.pseudonym === 'R03')).toMatchObject({
      layer: 'final',
      start: 0,
      end: 5,
      shareable: true,
    });
    await refused(
      service.settle(
        { studyId: fx.study.id, assignmentId: fx.assignments[2].id, question: 'goal' },
        [{ start: 0, end: 500, codeId: code('OORZAAK_FOUT') }],
        a,
      ),
      'coding.span_invalid',
    );
    expect((await query.finalCodings(fx.study.id)).find((s) => s.pseudonym === 'R03')).toBeDefined();
  });

  it("masks the respondent's own name and e-mail in the text and never names them", async () => {
    const member = fx.members[0];
    const goal = codingAnswers(1, { firstName: member.firstName!, email: member.email! }).goal as string;
    const c = await apply(0, 'goal', 0, goal.length, code('OORZAAK_FOUT'));
    const span = (await query.codings(fx.study.id, { coderId: a.id })).find((s) =>
      s.codes.some((x) => x.codingId === c.id),
    )!;
    expect(span.text).toHaveLength(goal.length);
    expect(span.text).not.toContain(member.firstName!);
    expect(span.text).not.toContain(member.email!);
    expect(span.text).toContain('*'.repeat(member.firstName!.length));
  });

  it("names the organisation of a partner removed from the study on its respondents' material, as their form does", async () => {
    const own = await createCodingStudy(t, { members: 1, slug: 'vertrokken' });
    await t.dataSource.getRepository(StudyOrganisation).delete({ studyId: own.study.id });
    const [material] = await query.material(own.study.id);
    expect(material.organisation).toBe(own.organisationName);
    const contactMoments = material.codable.find((c) => c.question === 'contactMoments')!;
    expect(contactMoments.title).toContain(own.organisationName);
  });

  it('counts final codings with the masked text of shareable ones only, the rest without text', async () => {
    // A study of its own, so no other test's codings make these answers disputed.
    const own = await createCodingStudy(t, { members: 2, slug: 'tellen' });
    const ownCode = (tekstId: string) => own.codes.find((c) => c.tekstId === tekstId)!.id!;
    const member = own.members[0];
    const goal = codingAnswers(1, { firstName: member.firstName!, email: member.email! }).goal as string;
    const on = (i: number, start: number, end: number, tekstId: string) =>
      service.apply(
        {
          studyId: own.study.id,
          assignmentId: own.assignments[i].id,
          question: 'goal',
          start,
          end,
          codeId: ownCode(tekstId),
          coderId: b.id,
        },
        b,
      );
    const shared = await on(0, 0, goal.length, 'OORZAAK_NODIG');
    await service.setShareable(shared.id, true, b);
    await on(1, 0, 4, 'OORZAAK_FOUT');

    const counted = await query.finalCodingsToCount(own.study.id);
    const full = await query.finalCodings(own.study.id);
    expect(counted).toHaveLength(2);
    expect(counted.map(({ text: _, ...rest }) => rest)).toEqual(full.map(counting));
    const [quote, other] = counted;
    expect(quote.shareable).toBe(true);
    expect(quote.text).toBe(full[0].text);
    expect(quote.text).toContain('*'.repeat(member.firstName!.length));
    expect(quote.text).not.toContain(member.email!);
    expect(other.shareable).toBe(false);
    expect(other.text).toBeNull();
  });

  it('counts the spans finalCodings gives, in its order, whoever coded them and however they were settled', async () => {
    // fx by now holds an answer coded by one coder in two spans, one two coders disagree on, and a settled one.
    expect((await query.finalCodingsToCount(fx.study.id)).map(({ text: _, ...rest }) => rest)).toEqual(
      (await query.finalCodings(fx.study.id)).map(counting),
    );
    const own = await createCodingStudy(t, { members: 2, slug: 'volgorde' });
    const on = (i: number, question: string, start: number, end: number, tekstId: string, by = a) =>
      service.apply(
        {
          studyId: own.study.id,
          assignmentId: own.assignments[i].id,
          question,
          start,
          end,
          codeId: own.codes.find((c) => c.tekstId === tekstId)!.id!,
          coderId: by.id,
        },
        by,
      );
    // Spans of different answers made in turns, two codes on one span, and two coders who agree.
    await on(0, 'goal', 0, 6, 'OORZAAK_NODIG');
    await on(0, 'contactMoments', 0, 3, 'OORZAAK_FOUT');
    await on(0, 'goal', 2, 9, 'OORZAAK_FOUT');
    await on(0, 'goal', 0, 6, 'OORZAAK_SELFSERVICE');
    await on(1, 'contactWhat', 0, 4, 'OORZAAK_FOUT', b);
    await on(1, 'contactWhat', 1, 5, 'OORZAAK_FOUT');
    const full = await query.finalCodings(own.study.id);
    expect(full.map((s) => [s.question, s.start, s.codes.length, s.coderId])).toEqual([
      ['goal', 0, 2, a.id],
      ['contactMoments', 0, 1, a.id],
      ['goal', 2, 1, a.id],
      ['contactWhat', 0, 1, b.id],
    ]);
    expect((await query.finalCodingsToCount(own.study.id)).map(({ text: _, ...rest }) => rest)).toEqual(
      full.map(counting),
    );
  });

  it("removes the respondent's codings when the respondent is erased, audited", async () => {
    const respondentId = fx.members[0].id;
    expect(await t.dataSource.getRepository(Coding).countBy({ respondentId })).toBeGreaterThan(0);
    await t.app.get(ErasureService).erase(fx.study.slug, respondentId, null);
    expect(await t.dataSource.getRepository(Coding).countBy({ respondentId })).toBe(0);
    expect(await t.dataSource.getRepository(AuditEvent).findBy({ action: 'coding.erase' })).toEqual([
      expect.objectContaining({ subjectId: String(respondentId) }),
    ]);
    // The others stay, renumbered among those with homework left.
    expect((await query.finalCodings(fx.study.id)).map((s) => s.pseudonym)).not.toContain(undefined);
  });
  it('refuses a codebook change that would remove a code with codings, by hand or by import, and keeps them', async () => {
    const codebook = t.app.get(CodebookService);
    const added = await codebook.add(
      fx.study.slug,
      { cat1: 'Consument', cat2: 'Informatie', cat3: 'Aanslag', tekstId: 'CONS_INFO_AANS' },
      null,
      'nl',
    );
    const coding = await apply(2, 'contactWhat', 0, 6, added.id!, b);
    const { version } = await codebook.codebook(fx.study.slug);

    const conflict = async (work: Promise<unknown>) => {
      const err = await work.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'codebook.code_in_use', kind: 'conflict' });
    };
    await conflict(codebook.remove(fx.study.slug, added.id!, null, 'nl'));
    const withoutIt =
      'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\nConsument;Betalen;Regeling;CONS_BET_REG;\n';
    await conflict(
      codebook.import(fx.study.slug, { buffer: Buffer.from(withoutIt), name: 'zonder.csv' }, {}, null, 'nl'),
    );

    expect(await t.dataSource.getRepository(Coding).findOneBy({ id: coding.id })).not.toBeNull();
    const after = await codebook.codebook(fx.study.slug);
    expect(after.version).toBe(version);
    expect(after.codes.some((c) => c.tekstId === 'CONS_INFO_AANS')).toBe(true);
  });
});
