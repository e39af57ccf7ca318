import { DataSource } from 'typeorm';
import { User } from '../../src/auth/user.entity';
import { FocusGroup } from '../../src/groups/group.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkLinksService } from '../../src/homework/homework-links.service';
import { hashToken, randomToken } from '../../src/common/tokens';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { Study } from '../../src/studies/study.entity';
import { StudyOrganisation } from '../../src/studies/study-organisation.entity';
import type { TestApp } from './test-app';
import { createRespondent, createStudy, createUser, RespondentOverrides } from './factories';

export interface HomeworkFixture {
  study: Study;
  organisationName: string;
  group: FocusGroup;
  session: ScheduledSession;
  members: Respondent[];
  lead: User & { password: string };
  note: User & { password: string };
}

/**
 * A study with one confirmed group of `members` respondents of one organisation, scheduled with a lead and a
 * note-taker; the session starts `daysAhead` days from now (default: three weeks, so the deadline is ahead). With
 * `invited`, each member holds the confirmed invitation their status speaks of (attendance asks for one).
 */
export async function createScheduledGroup(
  ds: DataSource,
  opts: {
    members?: number;
    daysAhead?: number;
    study?: Partial<Study>;
    organisation?: string;
    memberOverrides?: RespondentOverrides;
    invited?: boolean;
  } = {},
): Promise<HomeworkFixture> {
  const organisationName = opts.organisation ?? `Waterbedrijf ${Math.random().toString(36).slice(2, 7)}`;
  const { study, organisations, slots } = await createStudy(
    ds,
    {
      status: 'fieldwork',
      helpPhone: '030 111 22 33',
      returnAddress: 'Hogeschool, Postbus 85029, 3508 AA Utrecht',
      ...opts.study,
    },
    { organisations: [organisationName], slots: 1 },
  );
  const organisation = organisations[0];
  await ds
    .getRepository(StudyOrganisation)
    .update(
      { studyId: study.id, organisationId: organisation.id },
      { contactName: 'Karin de Vries', contactPhone: '088 123 45 67', contactEmail: 'k.devries@example.org' },
    );
  const now = new Date();
  const group = await ds.getRepository(FocusGroup).save({
    studyId: study.id,
    organisationId: organisation.id,
    quadrant: 'zekerheidszoeker',
    status: 'confirmed',
    createdAt: now,
    updatedAt: now,
  });
  const members: Respondent[] = [];
  for (let i = 0; i < (opts.members ?? 3); i++) {
    const r = await createRespondent(ds, study.id, organisation.id, {
      status: 'confirmed',
      quadrant: 'zekerheidszoeker',
      firstName: ['Ans', 'Bert', 'Cor', 'Door'][i] ?? `R${i}`,
      ...opts.memberOverrides,
    });
    await ds
      .getRepository(GroupMember)
      .save({ studyId: study.id, groupId: group.id, respondentId: r.id, role: 'member', position: i });
    members.push(r);
  }
  const lead = await createUser(ds, { role: 'researcher' });
  const note = await createUser(ds, { role: 'researcher' });
  const startsAt = new Date(now.getTime() + (opts.daysAhead ?? 21) * 86_400_000);
  const session = await ds.getRepository(ScheduledSession).save({
    studyId: study.id,
    groupId: group.id,
    slotId: slots[0].id,
    leadModeratorId: lead.id,
    noteModeratorId: note.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    sequence: 0,
    status: 'scheduled',
    invitedAt: now,
    invitedLeadId: lead.id,
    invitedNoteId: note.id,
    createdAt: now,
    updatedAt: now,
  });
  if (opts.invited)
    await ds.getRepository(Invitation).insert(
      members.map((m) => ({
        studyId: study.id,
        sessionId: session.id,
        respondentId: m.id,
        tokenHash: hashToken(randomToken()),
        status: 'confirmed' as const,
        sequence: 0,
        sentAt: now,
        respondedAt: now,
      })),
    );
  return { study, organisationName, group, session, members, lead, note };
}

/** The private link token and short code of a respondent's assignment, as the letter shows them. */
export async function credentialsOf(
  t: TestApp,
  respondentId: number,
): Promise<{ assignment: HomeworkAssignment; token: string; code: string }> {
  const assignment = await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId });
  const { token, code } = t.app.get(HomeworkLinksService).credentialsFor(assignment.credentialNonce);
  return { assignment, token, code };
}

/** A homework answers file as another survey tool or a typist would write it: a header row and one row per respondent. */
export function homeworkAnswersCsv(header: string[], rows: string[][], delimiter: ';' | ',' = ';'): Buffer {
  const cell = (v: string) => (/[";,\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([header, ...rows].map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n', 'utf8');
}
