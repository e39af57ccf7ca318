import { DataSource } from 'typeorm';
import type { RespondentStatus } from '../../src/common/domain';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from '../../src/overviews/exporters/bijlage-5.fixture';
import { createRespondent, createStudy, type StudyFixture } from './factories';

/** A study with the four organisations and 44 respondents of Bijlage 5, every one with the given status. */
export async function createBijlage5Study(
  ds: DataSource,
  overrides: { slug?: string; title?: string; status?: RespondentStatus } = {},
): Promise<StudyFixture> {
  const fixture = await createStudy(
    ds,
    { ...(overrides.slug ? { slug: overrides.slug } : {}), ...(overrides.title ? { title: overrides.title } : {}) },
    { organisations: BIJLAGE_5_ORGANISATIONS },
  );
  const ids = new Map(fixture.organisations.map((o) => [o.name, o.id]));
  for (const r of bijlage5Respondents()) {
    const { organisation, ...profile } = r;
    await createRespondent(ds, fixture.study.id, ids.get(organisation)!, {
      ...profile,
      status: overrides.status ?? 'participated',
    });
  }
  return fixture;
}
