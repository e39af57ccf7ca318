// From the study's rows to the pipeline's people, the blockers' facts and the work each bulk action would do.
// Pure: no framework imports (record types only).
import type { RespondentStatus } from '../common/domain';
import { countTable } from '../respondents/pool-counts';
import type { GroupRecord, MembershipRecord } from '../groups/group-query.service';
import type { HomeworkProgress } from '../homework/homework-query.service';
import type { PipelineRespondent } from '../respondents/respondent-query.service';
import type { UnplacedNeed } from '../scheduling/explain';
import { membersMissingInvitation } from '../scheduling/missing-invitations';
import { hasBegun } from '../scheduling/session-begun';
import type { AttendanceRecord, InvitationRecord, SessionRecord } from '../scheduling/scheduling-query.service';
import type { PipelinePerson, StudyState } from './pipeline';

/** Everything the pipeline counts, each part read from the module that owns it. */
export interface StudyRows {
  respondents: PipelineRespondent[];
  groups: Pick<GroupRecord, 'id' | 'status'>[];
  memberships: Pick<MembershipRecord, 'groupId' | 'respondentId' | 'role'>[];
  sessions: Pick<SessionRecord, 'id' | 'groupId' | 'status' | 'startsAt' | 'invitedAt'>[];
  invitations: Pick<InvitationRecord, 'id' | 'sessionId' | 'respondentId' | 'status'>[];
  assignments: Pick<HomeworkProgress, 'respondentId' | 'submittedAt'>[];
  marks: Pick<AttendanceRecord, 'sessionId' | 'respondentId'>[];
  slots: number;
  moderators: number;
  /** The groups a scheduler run would leave without a session now, and what each waits for. */
  unplaced: { needs: UnplacedNeed }[];
}

export interface CountSettingsWithNames {
  organisations: { id: number; name: string }[];
  groupsPerQuadrant: number;
  groupTargetSize: number;
  reservesPerGroup: number;
}

/** What "invite every scheduled group" would send, per session. */
export interface InviteWork {
  groupId: number;
  sessionId: number;
  /** Members without an open or accepted invitation who have an e-mail address. */
  memberEmails: number;
  /** Such members without an address: to be invited by phone or letter. */
  withoutEmail: number;
  /** The two moderators, when the session's invitations never went out. */
  moderatorEmails: number;
}

/** What "send homework" would send, per group. */
export interface HomeworkWork {
  groupId: number;
  respondentIds: number[];
  letters: number;
  /** Members without an e-mail address: their letter is printed and posted. */
  paper: number;
}

export interface StudyReading {
  people: PipelinePerson[];
  state: StudyState;
  proposedGroupIds: number[];
  /** Members of the proposed groups. */
  proposedMembers: number;
  inviteWork: InviteWork[];
  homeworkWork: HomeworkWork[];
}

const LIVE_INVITATION = ['sent', 'confirmed'];
const INVITED_STATUSES: readonly RespondentStatus[] = ['invited', 'confirmed'];

export function readStudy(rows: StudyRows, settings: CountSettingsWithNames, now: Date): StudyReading {
  const memberOf = new Map<number, number>();
  const inAnyGroup = new Set<number>();
  for (const m of rows.memberships) {
    inAnyGroup.add(m.respondentId);
    if (m.role === 'member') memberOf.set(m.respondentId, m.groupId);
  }
  const groupStatus = new Map(rows.groups.map((g) => [g.id, g.status]));
  const liveSession = new Map(rows.sessions.filter((s) => s.status === 'scheduled').map((s) => [s.groupId, s]));
  const sessionIds = new Set(rows.sessions.map((s) => s.id));
  // The latest invitation per person (a reschedule or a second invitation replaces the first).
  const invitation = new Map<number, string>();
  for (const i of rows.invitations) if (sessionIds.has(i.sessionId)) invitation.set(i.respondentId, i.status);
  const assignment = new Map(rows.assignments.map((a) => [a.respondentId, a]));
  const marked = new Set(rows.marks.map((m) => `${m.sessionId}|${m.respondentId}`));
  const byId = new Map(rows.respondents.map((r) => [r.id, r]));

  const people: PipelinePerson[] = rows.respondents.map((r) => {
    const groupId = memberOf.get(r.id);
    const inv = invitation.get(r.id);
    const a = assignment.get(r.id);
    return {
      organisationId: r.organisationId,
      quadrant: r.quadrant,
      status: r.status,
      duplicate: r.duplicateOfId !== null,
      grouped: groupId !== undefined,
      scheduled: groupId !== undefined && liveSession.has(groupId),
      invited: inv !== undefined && LIVE_INVITATION.includes(inv),
      confirmed: inv === 'confirmed',
      homeworkSent: !!a,
      homeworkSubmitted: !!a?.submittedAt,
    };
  });

  type Row = StudyRows['respondents'][number];
  const membersOf = (groupId: number): Row[] =>
    [...memberOf]
      .filter(([, g]) => g === groupId)
      .map(([id]) => byId.get(id))
      .filter((r): r is Row => r !== undefined && r.status !== 'erased');
  const upcoming = [...liveSession.values()].filter((s) => s.startsAt.getTime() > now.getTime());

  const inviteWork: InviteWork[] = [];
  for (const s of upcoming) {
    const uninvited = membersOf(s.groupId).filter((r) => !LIVE_INVITATION.includes(invitation.get(r.id) ?? ''));
    const moderatorEmails = s.invitedAt ? 0 : 2;
    if (!uninvited.length && !moderatorEmails) continue;
    const memberEmails = uninvited.filter((r) => r.email).length;
    inviteWork.push({
      groupId: s.groupId,
      sessionId: s.id,
      memberEmails,
      withoutEmail: uninvited.length - memberEmails,
      moderatorEmails,
    });
  }

  const missing = upcoming
    .map((s) => ({
      sessionId: s.id,
      count: membersMissingInvitation(s, membersOf(s.groupId), (id) => invitation.get(id), now).length,
    }))
    .filter((m) => m.count > 0);

  const homeworkWork: HomeworkWork[] = [];
  for (const s of upcoming) {
    const due = membersOf(s.groupId).filter((r) => INVITED_STATUSES.includes(r.status) && !assignment.has(r.id));
    if (!due.length) continue;
    const letters = due.filter((r) => r.email).length;
    homeworkWork.push({
      groupId: s.groupId,
      respondentIds: due.map((r) => r.id),
      letters,
      paper: due.length - letters,
    });
  }

  const unmarked = [...liveSession.values()].filter(
    (s) => hasBegun(s, now) && membersOf(s.groupId).some((r) => !marked.has(`${s.id}|${r.id}`)),
  );
  const kept = rows.groups.filter((g) => g.status !== 'proposed');
  const proposedGroupIds = rows.groups.filter((g) => g.status === 'proposed').map((g) => g.id);
  const counted = rows.respondents.filter((r) => r.duplicateOfId === null);
  const pool = countTable(counted, settings.organisations, settings);
  const shortCells = pool.rows.flatMap((row) =>
    row.cells
      .filter((c) => c.shortfall > 0)
      .map((c) => ({ organisation: row.organisation, quadrant: c.quadrant, count: c.count, target: c.target })),
  );

  const state: StudyState = {
    respondents: counted.length,
    slots: rows.slots,
    ungrouped: rows.respondents.filter(
      (r) => r.status === 'eligible' && r.duplicateOfId === null && !inAnyGroup.has(r.id),
    ).length,
    groups: { proposed: proposedGroupIds.length, kept: kept.length },
    moderators: rows.moderators,
    unscheduledGroups: kept.filter((g) => !liveSession.has(g.id) && groupStatus.has(g.id)).length,
    unplaceable: {
      moderators: rows.unplaced.filter((u) => u.needs === 'moderators').length,
      slots: rows.unplaced.filter((u) => u.needs === 'slots').length,
    },
    uninvitedSessions: upcoming.filter((s) => !s.invitedAt && inviteWork.some((w) => w.sessionId === s.id)).length,
    uninvitedMembers: {
      count: missing.reduce((n, m) => n + m.count, 0),
      firstSessionId: missing[0]?.sessionId ?? null,
    },
    homeworkDue: homeworkWork.reduce((n, w) => n + w.respondentIds.length, 0),
    unmarkedSessions: { count: unmarked.length, firstId: unmarked[0]?.id ?? null },
    shortCells,
  };
  const proposed = new Set(proposedGroupIds);
  const proposedMembers = [...memberOf.values()].filter((g) => proposed.has(g)).length;
  return { people, state, proposedGroupIds, proposedMembers, inviteWork, homeworkWork };
}
