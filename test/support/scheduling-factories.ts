import { DataSource } from 'typeorm';
import type { User } from '../../src/auth/user.entity';
import type { Quadrant } from '../../src/common/domain';
import { FocusGroup, GroupStatus } from '../../src/groups/group.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import type { Locale } from '../../src/common/domain';
import type { Respondent } from '../../src/respondents/respondent.entity';
import { ScreenerSubmission } from '../../src/respondents/screener-submission.entity';
import { SurveyDefinition } from '../../src/surveys/survey-definition.entity';
import { Moderator } from '../../src/scheduling/moderator.entity';
import { ModeratorSlot } from '../../src/scheduling/moderator-slot.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { SessionSlot } from '../../src/studies/session-slot.entity';
import { createRespondent, createUser } from './factories';

/** A slot starting at the given instant (UTC), two hours long, online. */
export async function createSlot(
  ds: DataSource,
  studyId: number,
  startsAt: Date,
  overrides: Partial<SessionSlot> = {},
): Promise<SessionSlot> {
  return ds.getRepository(SessionSlot).save({
    studyId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    onlineUrl: 'https://meet.example.org/kwadrant',
    location: null,
    capacity: null,
    ...overrides,
  });
}

/**
 * A scheduled session of the group in the slot, at the slot's times, led by `lead` with `note` taking notes; not yet
 * invited unless `overrides` says so.
 */
export async function createSession(
  ds: DataSource,
  at: { studyId: number; groupId: number; slot: SessionSlot; lead: User; note: User },
  overrides: Partial<ScheduledSession> = {},
): Promise<ScheduledSession> {
  const now = new Date();
  return ds.getRepository(ScheduledSession).save({
    studyId: at.studyId,
    groupId: at.groupId,
    slotId: at.slot.id,
    leadModeratorId: at.lead.id,
    noteModeratorId: at.note.id,
    startsAt: at.slot.startsAt,
    endsAt: at.slot.endsAt,
    sequence: 0,
    status: 'scheduled',
    invitedAt: null,
    invitedLeadId: null,
    invitedNoteId: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

/** A researcher account marked as moderator of the study for the given slots. */
export async function createModerator(
  ds: DataSource,
  studyId: number,
  slotIds: number[],
  overrides: Partial<User> = {},
  limits: Partial<Moderator> = {},
): Promise<User> {
  const user = await createUser(ds, { role: 'researcher', ...overrides });
  const now = new Date();
  const m = await ds.getRepository(Moderator).save({
    studyId,
    userId: user.id,
    active: true,
    maxPerDay: 2,
    minRestMinutes: 30,
    createdAt: now,
    updatedAt: now,
    ...limits,
  });
  if (slotIds.length)
    await ds.getRepository(ModeratorSlot).insert(slotIds.map((slotId) => ({ moderatorId: m.id, slotId })));
  return user;
}

export interface GroupFixture {
  group: FocusGroup;
  members: Respondent[];
  reserves: Respondent[];
}

/** A group with members (status grouped) and reserves (status eligible, as the groups module keeps them). */
export async function createGroupWithMembers(
  ds: DataSource,
  studyId: number,
  organisationId: number,
  opts: {
    quadrant?: Quadrant;
    status?: GroupStatus;
    members?: number;
    reserves?: number;
    availability?: number[] | null;
    reserveAvailability?: number[] | null;
  } = {},
): Promise<GroupFixture> {
  const quadrant = opts.quadrant ?? 'gemakzoeker';
  const now = new Date();
  const group = await ds
    .getRepository(FocusGroup)
    .save({ studyId, organisationId, quadrant, status: opts.status ?? 'confirmed', createdAt: now, updatedAt: now });
  const members: Respondent[] = [];
  const reserves: Respondent[] = [];
  for (let i = 0; i < (opts.members ?? 3); i++)
    members.push(
      await createRespondent(ds, studyId, organisationId, {
        quadrant,
        status: 'grouped',
        availability: opts.availability ?? null,
      }),
    );
  for (let i = 0; i < (opts.reserves ?? 0); i++) {
    reserves.push(
      await createRespondent(ds, studyId, organisationId, {
        quadrant,
        status: 'eligible',
        availability: opts.reserveAvailability ?? opts.availability ?? null,
      }),
    );
  }
  await ds.getRepository(GroupMember).insert([
    ...members.map((r, position) => ({
      studyId,
      groupId: group.id,
      respondentId: r.id,
      role: 'member' as const,
      position,
    })),
    ...reserves.map((r, position) => ({
      studyId,
      groupId: group.id,
      respondentId: r.id,
      role: 'reserve' as const,
      position,
    })),
  ]);
  return { group, members, reserves };
}

/** Records that the respondent filled in the screener in the given language (as the intake does). */
export async function recordScreenerLocale(ds: DataSource, respondent: Respondent, locale: Locale): Promise<void> {
  const now = new Date();
  const definition = await ds.getRepository(SurveyDefinition).save({
    studyId: respondent.studyId,
    kind: 'screener',
    version: Date.now() % 1_000_000,
    origin: 'generated',
    definition: {},
    contentHash: 'x'.repeat(64),
    createdBy: null,
    createdAt: now,
  });
  await ds.getRepository(ScreenerSubmission).insert({
    studyId: respondent.studyId,
    submissionId: `${respondent.id}-${Date.now()}`.padEnd(36, '0').slice(0, 36),
    surveyDefinitionId: definition.id,
    definitionVersion: definition.version,
    locale,
    answers: {},
    respondentId: respondent.id,
    result: { submissionId: '', status: 'eligible', reason: null, message: '' },
    submittedAt: now,
  });
}
