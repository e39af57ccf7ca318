import type { DataSource } from 'typeorm';
import { CodebookService } from '../../src/coding/codebook.service';
import { Coding } from '../../src/coding/coding.entity';
import type { Quadrant, RespondentStatus } from '../../src/common/domain';
import { FocusGroup } from '../../src/groups/group.entity';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import type { Respondent } from '../../src/respondents/respondent.entity';
import type { Study } from '../../src/studies/study.entity';
import { createRespondent, createStudy } from './factories';
import { inTransaction, type TestApp } from './test-app';

/** A respondent's sent homework, stored as the form or an import leaves it. */
export async function submitHomework(
  ds: DataSource,
  respondent: Pick<Respondent, 'id' | 'studyId' | 'organisationId' | 'quadrant'>,
  answers: Record<string, unknown> | null,
  opts: { draft?: Record<string, unknown> } = {},
): Promise<HomeworkAssignment> {
  const now = new Date();
  const group = await ds.getRepository(FocusGroup).save({
    studyId: respondent.studyId,
    organisationId: respondent.organisationId!,
    quadrant: respondent.quadrant!,
    status: 'confirmed',
    createdAt: now,
    updatedAt: now,
  });
  return ds.getRepository(HomeworkAssignment).save({
    studyId: respondent.studyId,
    groupId: group.id,
    respondentId: respondent.id,
    sessionId: null,
    sessionStartsAt: now,
    deadline: now,
    credentialNonce: `nonce-${respondent.id}`,
    tokenHash: `token-${respondent.id}`,
    codeHash: `code-${respondent.id}`,
    locale: 'nl',
    draft: opts.draft ?? null,
    currentPage: null,
    revision: 1,
    draftSavedAt: null,
    submitted: answers,
    submittedAt: answers ? now : null,
    late: false,
    enteredFromPaper: false,
    paperEnteredBy: null,
    answerSource: answers ? 'online' : null,
    importedFrom: null,
    letterSentAt: null,
    reminderSentAt: null,
    createdAt: now,
  });
}

/** The answers of the journey study, by respondent; the counts in test/e2e/journeys.e2e-spec.ts follow from them. */
export const JOURNEY_ANSWERS = {
  ans: {
    firstName: 'Ans',
    contactMoments: 'Ik belde over mijn factuur en werd niet teruggebeld.',
    channels: ['telefoon', 'website'],
    contactMomentsRating: 'negatief',
    goal: 'Een lager voorschot.',
    goalRating: 'neutraal',
    afterwardsHad: 'yes',
    afterwardsReason: 'Nog een keer gebeld.',
    afterwardsChannels: ['telefoon'],
    afterwardsInitiative: 'self',
    afterwardsRating: 'negatief',
  },
  bert: {
    firstName: 'Bert',
    contactMoments: 'Via de website geregeld, geheimwoord-bert.',
    channels: ['website'],
    contactMomentsRating: 'positief',
    afterwardsHad: 'no',
    // Kept from before Bert changed his mind: not asked, so not counted.
    afterwardsReason: 'Toch nog gebeld.',
    afterwardsInitiative: 'organisation',
  },
  filler: { contactMomentsRating: 'positief', channels: ['website'] },
  cor: { firstName: 'Cor', contactMoments: 'Brief gekregen.', channels: ['post'], contactMomentsRating: 'neutraal' },
  door: {
    firstName: 'Door',
    contactMoments: 'Chat van Vitens, geheimwoord-vitens.',
    channels: ['chat'],
    contactMomentsRating: 'positief',
  },
  eva: { firstName: 'Eva', contactMoments: 'Uitgenodigd, nog niet geweest.', contactMomentsRating: 'negatief' },
} as const;

export interface JourneyStudy {
  study: Study;
  ret: number;
  vitens: number;
  people: Record<'ans' | 'bert' | 'cor' | 'door' | 'eva' | 'fred', Respondent>;
  assignments: Record<'ans' | 'bert' | 'cor' | 'door' | 'eva', HomeworkAssignment>;
}

/**
 * Two organisations. RET gemakzoeker: Ans, Bert and four fillers took part (n = 6), Eva is only invited, Fred
 * took part without sending his homework; RET informatiezoeker: Cor; Vitens gemakzoeker: Door.
 */
export async function createJourneyStudy(ds: DataSource, slug: string): Promise<JourneyStudy> {
  const { study, organisations } = await createStudy(
    ds,
    { slug, title: 'Klantreis' },
    { organisations: ['RET', 'Vitens'] },
  );
  const [ret, vitens] = organisations.map((o) => o.id);
  const person = (organisation: number, quadrant: Quadrant, status: RespondentStatus = 'participated') =>
    createRespondent(ds, study.id, organisation, { status, quadrant });
  const people = {
    ans: await person(ret, 'gemakzoeker'),
    bert: await person(ret, 'gemakzoeker'),
    cor: await person(ret, 'informatiezoeker'),
    door: await person(vitens, 'gemakzoeker'),
    eva: await person(ret, 'gemakzoeker', 'invited'),
    fred: await person(ret, 'gemakzoeker'),
  };
  const assignments = {
    ans: await submitHomework(ds, people.ans, { ...JOURNEY_ANSWERS.ans }),
    bert: await submitHomework(ds, people.bert, { ...JOURNEY_ANSWERS.bert }),
    cor: await submitHomework(ds, people.cor, { ...JOURNEY_ANSWERS.cor }),
    door: await submitHomework(ds, people.door, { ...JOURNEY_ANSWERS.door }),
    eva: await submitHomework(ds, people.eva, { ...JOURNEY_ANSWERS.eva }),
  };
  await submitHomework(ds, people.fred, null, { draft: { contactMomentsRating: 'negatief' } });
  for (let i = 0; i < 4; i++) await submitHomework(ds, await person(ret, 'gemakzoeker'), { ...JOURNEY_ANSWERS.filler });
  return { study, ret, vitens, people, assignments };
}

/**
 * The study's codebook (two reasons under "Factuur" besides the cause group) and final codings of Ans's and
 * Bert's answers. Ans's first segment is the only one marked shareable.
 */
export async function codeJourneyStudy(t: TestApp, fx: JourneyStudy, coderId: number): Promise<void> {
  const codebook = t.app.get(CodebookService);
  for (const [cat2, tekstId] of [
    ['Informatie', 'CONS_FACT_INFO'],
    ['Terugbelverzoek', 'CONS_FACT_TBV'],
  ])
    await inTransaction(t, () => codebook.add(fx.study.slug, { cat1: 'Factuur', cat2, tekstId }, null, 'nl'));
  const { codes } = await codebook.codebook(fx.study.slug);
  const codeId = (tekstId: string) => codes.find((c) => c.tekstId === tekstId)!.id!;
  const now = new Date();
  const repo = t.dataSource.getRepository(Coding);
  const code = async (
    who: 'ans' | 'bert',
    question: string,
    part: string,
    tekstIds: string[],
    shareable = false,
  ): Promise<void> => {
    const text = String((JOURNEY_ANSWERS[who] as Record<string, unknown>)[question]);
    const start = text.indexOf(part);
    if (start < 0) throw new Error(`"${part}" is not in ${who}'s ${question}`);
    for (const tekstId of tekstIds)
      await repo.save({
        studyId: fx.study.id,
        assignmentId: fx.assignments[who].id,
        respondentId: fx.people[who].id,
        question,
        start,
        end: start + part.length,
        codeId: codeId(tekstId),
        coderId,
        layer: 'final',
        memo: null,
        shareable,
        createdAt: now,
        updatedAt: now,
      });
  };
  await code('ans', 'contactMoments', 'Ik belde over mijn factuur', ['CONS_FACT_INFO', 'OORZAAK_FOUT'], true);
  await code('ans', 'contactMoments', 'werd niet teruggebeld', ['CONS_FACT_TBV', 'OORZAAK_NODIG']);
  await code('bert', 'contactMoments', JOURNEY_ANSWERS.bert.contactMoments, ['CONS_FACT_INFO', 'OORZAAK_SELFSERVICE']);
  await code('ans', 'afterwardsReason', 'Nog een keer gebeld.', ['CONS_FACT_TBV']);
}
