import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password';
import { Role, User } from '../../src/auth/user.entity';
import type { DigitalComfort, Education, Gender, Quadrant } from '../../src/common/domain';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Organisation } from '../../src/studies/organisation.entity';
import { SessionSlot } from '../../src/studies/session-slot.entity';
import { Study } from '../../src/studies/study.entity';
import { StudyOrganisation } from '../../src/studies/study-organisation.entity';

let counter = 0;
const next = () => ++counter;

// One hash for every factory user: scrypt is deliberately slow, and tests need not pay for it each time.
export const FACTORY_PASSWORD = 'factory-password-123';
let factoryHash: Promise<string> | undefined;

export async function createUser(
  ds: DataSource,
  overrides: Partial<User> & { role?: Role } = {},
): Promise<User & { password: string }> {
  const n = next();
  const user = await ds.getRepository(User).save(
    ds.getRepository(User).create({
      email: `user${n}@example.org`,
      name: `User ${n}`,
      role: 'researcher',
      organisationId: null,
      passwordHash: await (factoryHash ??= hashPassword(FACTORY_PASSWORD)),
      active: true,
      createdAt: new Date(),
      ...overrides,
    }),
  );
  return Object.assign(user, { password: FACTORY_PASSWORD });
}

export async function createOrganisation(ds: DataSource, name = `Organisatie ${next()}`): Promise<Organisation> {
  const existing = await ds.getRepository(Organisation).findOneBy({ name });
  return existing ?? ds.getRepository(Organisation).save({ name });
}

export interface StudyFixture {
  study: Study;
  organisations: Organisation[];
  slots: SessionSlot[];
}

/** A study with partner organisations and slots (defaults: two organisations, two slots a fortnight ahead). */
export async function createStudy(
  ds: DataSource,
  overrides: Partial<Study> = {},
  opts: { organisations?: string[]; slots?: number } = {},
): Promise<StudyFixture> {
  const n = next();
  const study = await ds.getRepository(Study).save(
    ds.getRepository(Study).create({
      slug: `study-${n}`,
      title: `Study ${n}`,
      description: '',
      status: 'recruiting',
      createdAt: new Date(),
      ...overrides,
    }),
  );
  const organisations: Organisation[] = [];
  for (const [i, name] of (opts.organisations ?? [`Org A${n}`, `Org B${n}`]).entries()) {
    const org = await createOrganisation(ds, name);
    await ds.getRepository(StudyOrganisation).save({
      studyId: study.id,
      organisationId: org.id,
      position: i,
      contactName: 'Contact',
      contactEmail: 'contact@example.org',
      contactPhone: '030 123 45 67',
    });
    organisations.push(org);
  }
  const slots: SessionSlot[] = [];
  // Far ahead, so no slot ever lies in the past; 2037 has the calendar of 2026, so the weekdays stay what they were.
  const base = Date.UTC(2037, 11, 7, 9);
  for (let i = 0; i < (opts.slots ?? 2); i++) {
    const startsAt = new Date(base + i * 86400_000);
    slots.push(
      await ds.getRepository(SessionSlot).save({
        studyId: study.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        onlineUrl: 'https://meet.example.org/x',
        location: null,
        capacity: null,
      }),
    );
  }
  return { study, organisations, slots };
}

export interface RespondentOverrides extends Partial<Respondent> {
  gender?: Gender;
  education?: Education;
  digitalComfort?: DigitalComfort;
  quadrant?: Quadrant;
}

/** The columns of a made-up respondent, numbered so e-mail addresses and sign-up times differ. */
function respondentRow(studyId: number, organisationId: number, overrides: RespondentOverrides): Partial<Respondent> {
  const n = next();
  return {
    studyId,
    organisationId,
    firstName: `Resp${n}`,
    email: `resp${n}@example.org`,
    phone: null,
    contactPreference: 'email',
    gender: 'v',
    age: '47',
    ageMin: 47,
    ageMax: 47,
    education: 'hbo',
    digitalComfort: 'comfortabel',
    quadrant: 'gemakzoeker',
    availability: null,
    status: 'eligible',
    statusReason: null,
    source: 'import',
    consentVersion: null,
    consentedAt: null,
    screenedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000),
    erasedAt: null,
    ...overrides,
  };
}

export async function createRespondent(
  ds: DataSource,
  studyId: number,
  organisationId: number,
  overrides: RespondentOverrides = {},
): Promise<Respondent> {
  return ds
    .getRepository(Respondent)
    .save(ds.getRepository(Respondent).create(respondentRow(studyId, organisationId, overrides)));
}

/** Many respondents at once (a pool too big for one page), in batches so SQLite's parameter limit is never reached. */
export async function createRespondents(
  ds: DataSource,
  studyId: number,
  organisationId: number,
  count: number,
  overrides: RespondentOverrides = {},
): Promise<void> {
  const repo = ds.getRepository(Respondent);
  for (let done = 0; done < count; done += 200) {
    await repo.insert(
      Array.from({ length: Math.min(200, count - done) }, () =>
        repo.create(respondentRow(studyId, organisationId, overrides)),
      ),
    );
  }
}
