import { DataSource } from 'typeorm';
import type { DigitalComfort, Education, Gender, Quadrant } from '../../src/common/domain';
import { Respondent } from '../../src/respondents/respondent.entity';
import { createRespondent, RespondentOverrides } from './factories';

export interface Profile {
  gender: Gender;
  age: number;
  education: Education;
  digitalComfort: DigitalComfort;
}

/** Three people who differ in every balanced attribute (a group of them scores 12). */
export const MIXED: Profile[] = [
  { gender: 'm', age: 25, education: 'vmbo-mavo-lbo', digitalComfort: 'neutraal' },
  { gender: 'v', age: 47, education: 'mbo', digitalComfort: 'comfortabel' },
  { gender: 'x', age: 70, education: 'wo', digitalComfort: 'zeer-comfortabel' },
];

/** Respondents of one organisation × quadrant, screened in the order given. */
export async function createBucket(
  ds: DataSource,
  studyId: number,
  organisationId: number,
  quadrant: Quadrant,
  profiles: Profile[],
  overrides: RespondentOverrides = {},
): Promise<Respondent[]> {
  const out: Respondent[] = [];
  for (const p of profiles) {
    out.push(
      await createRespondent(ds, studyId, organisationId, {
        quadrant,
        gender: p.gender,
        age: String(p.age),
        ageMin: p.age,
        ageMax: p.age,
        education: p.education,
        digitalComfort: p.digitalComfort,
        ...overrides,
      }),
    );
  }
  return out;
}

export async function statusOf(ds: DataSource, id: number): Promise<string> {
  return (await ds.getRepository(Respondent).findOneByOrFail({ id })).status;
}
