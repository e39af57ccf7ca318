import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { CodebookService } from '../../src/coding/codebook.service';
import type { StoredCode } from '../../src/coding/codebook-versions';
import { createScheduledGroup, HomeworkFixture } from './homework-factories';
import type { TestApp } from './test-app';

/** Free-text answers of a homework; the first member also types her own name and e-mail into one. */
export function codingAnswers(n: number, personal?: { firstName: string; email: string }): Record<string, unknown> {
  return {
    firstName: personal?.firstName ?? `Deelnemer ${n}`,
    contactMoments: `Ik belde de klantenservice over mijn aanslag (${n}).`,
    channels: ['phone'],
    contactMomentsRating: 'positief',
    goal: personal
      ? `Mijn naam is ${personal.firstName}, mail ${personal.email} gerust.`
      : `Ik wilde een betalingsregeling 😀 voor respondent ${n}.`,
    contactWhat: 'Ik heb gebeld en later gemaild.',
  };
}

export interface CodingFixture extends HomeworkFixture {
  assignments: HomeworkAssignment[];
  codes: StoredCode[];
}

/**
 * A study in fieldwork with `members` respondents who all sent their homework (free-text answers), and its
 * codebook (the built-in cause group). Respondent ids ascend with the members, so member i is R0(i+1).
 */
export async function createCodingStudy(
  t: TestApp,
  opts: { members?: number; slug?: string } = {},
): Promise<CodingFixture> {
  const fx = await createScheduledGroup(t.dataSource, {
    members: opts.members ?? 3,
    study: opts.slug ? { slug: opts.slug } : {},
  });
  await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
  const repo = t.dataSource.getRepository(HomeworkAssignment);
  const assignments: HomeworkAssignment[] = [];
  for (const [i, member] of fx.members.entries()) {
    const a = await repo.findOneByOrFail({ respondentId: member.id });
    a.submitted = codingAnswers(i + 1, i === 0 ? { firstName: member.firstName!, email: member.email! } : undefined);
    a.submittedAt = new Date();
    a.answerSource = 'online';
    assignments.push(await repo.save(a));
  }
  const { codes } = await t.app.get(CodebookService).codebook(fx.study.slug);
  return { ...fx, assignments, codes };
}
