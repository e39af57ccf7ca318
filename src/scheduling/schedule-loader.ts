import { Injectable } from '@nestjs/common';
import { StudyQueryService } from '../studies/study-query.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { UserQueryService } from '../auth/user-query.service';
import type { UserAccount } from '../auth/auth-user';
import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import { GroupQueryService, type GroupRecord } from '../groups/group-query.service';
import type { Respondent } from '../respondents/respondent';
import type { SessionSlot, Study } from '../studies/study';
import type { FixedAssignment, SchedGroup, SchedModerator, SchedSlot } from './assignment';
import { ModeratorRepository, ModeratorWithSlots } from './moderator.repository';
import { SessionRepository } from './session.repository';
import type { ScheduledSession } from './session.entity';
import { inSequence } from '../common/in-sequence';

export interface LoadedGroup {
  group: GroupRecord;
  label: string;
  members: Respondent[];
  reserves: Respondent[];
  /** Slots of the study where every member is available. */
  availableSlotIds: number[];
}

/** Everything the scheduling rules look at for one study, read in one place so runs, moves and views agree. */
export interface LoadedSchedule {
  study: Study;
  slots: SessionSlot[];
  slotById: Map<number, SessionSlot>;
  moderators: ModeratorWithSlots[];
  users: Map<number, UserAccount>;
  /** Every group of the study, with members (any status). */
  groups: Map<number, LoadedGroup>;
  sessions: ScheduledSession[];
  /** Input for the pure rules: confirmed and locked groups, this study's slots plus those of other studies' sessions. */
  schedGroups: SchedGroup[];
  schedSlots: SchedSlot[];
  schedModerators: SchedModerator[];
  /** Sessions that count for every rule: this study's scheduled ones and other studies' of the same moderators. */
  fixed: FixedAssignment[];
}

export const SCHEDULABLE_GROUP_STATUSES = ['confirmed', 'locked'];

export function groupLabel(
  group: Pick<GroupRecord, 'id' | 'quadrant'>,
  organisationName: string,
  locale: Locale,
): string {
  const i18n = getTranslations();
  const key = `quadrant.${group.quadrant}`;
  // A quadrant the catalogue does not know (a row written by hand) is shown as stored rather than as a key.
  const quadrant = i18n.has(key) ? i18n.t(locale, key) : group.quadrant;
  return `${organisationName} × ${quadrant} (#${group.id})`;
}

@Injectable()
export class ScheduleLoader {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly users: UserQueryService,
    private readonly groupQuery: GroupQueryService,
    private readonly moderators: ModeratorRepository,
  ) {}

  async load(study: Study, locale: Locale): Promise<LoadedSchedule> {
    const [slots, moderators, groupRows, sessions] = await inSequence(
      () => this.studyQuery.slotsOf(study.id),
      () => this.moderators.moderatorsOfStudy(study.id),
      () => this.groupQuery.groupsOfStudy(study.id),
      () => this.sessions.sessionsOfStudy(study.id),
    );
    const scheduled = sessions.filter((s) => s.status === 'scheduled');
    const peopleIds = new Set([
      ...moderators.map((m) => m.userId),
      ...scheduled.flatMap((s) => [s.leadModeratorId, s.noteModeratorId]),
    ]);
    const foreign = await this.sessions.otherStudiesSessionsOf(study.id, [...peopleIds]);
    const foreignSlots = await this.studyQuery.slotsByIds(foreign.map((s) => s.slotId));
    for (const s of foreign) for (const id of [s.leadModeratorId, s.noteModeratorId]) peopleIds.add(id);
    const users = new Map((await this.users.byIds([...peopleIds])).map((u) => [u.id, u]));

    const memberships = await this.groupQuery.membershipsOfGroups(groupRows.map((g) => g.id));
    const respondents = new Map(
      (await this.respondentQuery.byIds(memberships.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    const orgNames = await this.studyQuery.organisationNames(groupRows.map((g) => g.organisationId));
    const allSlotIds = slots.map((s) => s.id);
    const groups = new Map<number, LoadedGroup>();
    for (const group of groupRows) {
      const mine = memberships.filter((m) => m.groupId === group.id);
      const pick = (role: string) =>
        mine
          .filter((m) => m.role === role)
          .map((m) => respondents.get(m.respondentId))
          .filter((r): r is Respondent => !!r);
      const members = pick('member');
      const availableSlotIds = allSlotIds.filter((id) =>
        members.every((r) => r.availability === null || r.availability.includes(id)),
      );
      groups.set(group.id, {
        group,
        label: groupLabel(group, orgNames.get(group.organisationId) ?? '?', locale),
        members,
        reserves: pick('reserve'),
        availableSlotIds,
      });
    }

    const schedGroups: SchedGroup[] = [...groups.values()]
      .filter((g) => SCHEDULABLE_GROUP_STATUSES.includes(g.group.status) && g.members.length > 0)
      .map((g) => ({
        id: g.group.id,
        label: g.label,
        memberCount: g.members.length,
        availableSlotIds: g.availableSlotIds,
      }));
    const schedSlots: SchedSlot[] = [
      ...slots.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, capacity: s.capacity })),
      ...foreignSlots.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, capacity: null })),
    ];
    const profiles = new Map(moderators.map((m) => [m.userId, m]));
    const schedModerators: SchedModerator[] = [...users.values()].map((u) => {
      const p = profiles.get(u.id);
      // People without an active profile here only carry their existing sessions; they can be given no new ones.
      return {
        id: u.id,
        name: u.name,
        slotIds: p?.active ? p.slotIds : [],
        maxPerDay: p?.maxPerDay,
        minRestMinutes: p?.minRestMinutes,
      };
    });
    const fixed = [...scheduled, ...foreign].map((s) => ({
      groupId: s.groupId,
      slotId: s.slotId,
      leadId: s.leadModeratorId,
      noteTakerId: s.noteModeratorId,
    }));
    return {
      study,
      slots,
      slotById: new Map(slots.map((s) => [s.id, s])),
      // Every profile's account is among the people read above.
      moderators: moderators.map((m) => ({ ...m, user: users.get(m.userId)! })),
      users,
      groups,
      sessions,
      schedGroups,
      schedSlots,
      schedModerators,
      fixed,
    };
  }
}
