import { Injectable } from '@nestjs/common';
import { RespondentLifecycleService } from '../respondents/respondent-lifecycle.service';
import { StudyQueryService } from '../studies/study-query.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale, RespondentStatus } from '../common/domain';
import { formatSlot } from '../common/format';
import { StudiesService } from '../studies/studies.service';
import type { Study } from '../studies/study';
import { GroupQueryService } from '../groups/group-query.service';
import {
  applyMark,
  AttendanceProblem,
  attendanceMessage,
  attendanceProblem,
  AttendanceRequest,
  invitedMemberIds,
} from './attendance-rules';
import { AttendanceRepository } from './attendance.repository';
import { groupLabel } from './schedule-loader';
import { SessionRepository } from './session.repository';
import type { ScheduledSession } from './session.entity';

export type MarkValue = 'present' | 'absent';

export interface AttendanceSheet {
  study: Study;
  sessionId: number;
  groupId: number;
  group: string;
  time: string;
  cancelled: boolean;
  /** The session has started: marks can be taken. */
  held: boolean;
  members: {
    respondentId: number;
    firstName: string | null;
    status: RespondentStatus;
    mark: MarkValue | null;
    /** Invited to this session: only then can they be marked present. */
    invited: boolean;
  }[];
}

export interface AttendanceResult {
  sessionId: number;
  groupId: number;
  /** Every mark of the session after this change. */
  present: number[];
  absent: number[];
}

const KIND: Record<AttendanceProblem['code'], 'invalid' | 'conflict'> = {
  'attendance.study_closed': 'conflict',
  'attendance.session_cancelled': 'conflict',
  'attendance.not_held': 'conflict',
  'attendance.empty': 'invalid',
  'attendance.in_both': 'invalid',
  'attendance.not_members': 'invalid',
  'attendance.not_invited': 'conflict',
};

/** Who came to a session: the lead, the note-taker or a researcher marks each member present or absent. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly lifecycle: RespondentLifecycleService,
    private readonly groupQuery: GroupQueryService,
    private readonly attendance: AttendanceRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
  ) {}

  async sheet(slug: string, sessionId: number, locale: Locale, now = new Date()): Promise<AttendanceSheet> {
    const study = await this.studies.get(slug);
    const session = await this.sessions.findSession(sessionId);
    if (!session || session.studyId !== study.id) throw AppError.notFound('session', sessionId);
    const group = (await this.groupQuery.findGroup(session.groupId))!;
    const orgNames = await this.studyQuery.organisationNames([group.organisationId]);
    const memberships = (await this.groupQuery.membershipsOfGroups([group.id])).filter((m) => m.role === 'member');
    const people = new Map(
      (await this.respondentQuery.byIds(memberships.map((m) => m.respondentId))).map((r) => [r.id, r]),
    );
    const marks = new Map((await this.attendance.marksOfSession(session.id)).map((m) => [m.respondentId, m]));
    const invited = new Set(await this.invitedIds(session, [...people.values()]));
    return {
      study,
      sessionId: session.id,
      groupId: group.id,
      group: groupLabel(group, orgNames.get(group.organisationId) ?? '?', locale),
      time: formatSlot(session.startsAt, session.endsAt, locale),
      cancelled: session.status === 'cancelled',
      held: now.getTime() >= session.startsAt.getTime(),
      members: memberships.map((m) => {
        const r = people.get(m.respondentId)!;
        const mark = marks.get(r.id);
        return {
          respondentId: r.id,
          firstName: r.firstName,
          status: r.status,
          mark: mark ? (mark.present ? 'present' : 'absent') : null,
          invited: invited.has(r.id),
        };
      }),
    };
  }

  /** Marks members of the session; others keep their marks. `slug` (pages) also checks the session is the study's. */
  @Transactional()
  async mark(
    sessionId: number,
    request: AttendanceRequest,
    actor: AuthUser | null,
    slug?: string,
    now = new Date(),
  ): Promise<AttendanceResult> {
    const session = (await this.sessions.lockSessions([sessionId])).get(sessionId);
    const study = session ? await this.studyQuery.byId(session.studyId) : null;
    if (!session || !study || (slug !== undefined && study.slug !== slug))
      throw AppError.notFound('session', sessionId);
    const memberships = (await this.groupQuery.membershipsOfGroups([session.groupId])).filter(
      (m) => m.role === 'member',
    );
    const members = await this.respondentQuery.byIds(memberships.map((m) => m.respondentId));
    const problem = attendanceProblem(request, {
      studyStatus: study.status,
      sessionStatus: session.status,
      startsAt: session.startsAt,
      now,
      memberIds: memberships.map((m) => m.respondentId),
      invitedIds: await this.invitedIds(session, members),
    });
    if (problem)
      throw new AppError(
        KIND[problem.code],
        problem.code,
        attendanceMessage(problem),
        { ...problem },
        { respondentList: 'respondentIds' in problem ? problem.respondentIds.join(', ') : '' },
      );
    const marks = new Map((await this.attendance.marksOfSession(session.id)).map((m) => [m.respondentId, m]));
    const people = new Map(
      (await this.respondentQuery.byIds([...request.present, ...request.absent])).map((r) => [r.id, r]),
    );
    const entries = [
      ...request.present.map((id) => [id, true] as const),
      ...request.absent.map((id) => [id, false] as const),
    ];
    for (const [respondentId, present] of entries) {
      const current = people.get(respondentId)!.status;
      const previous = marks.get(respondentId) ?? null;
      const { mark, status } = applyMark(current, previous, present);
      marks.set(
        respondentId,
        await this.attendance.save({
          id: previous?.id,
          studyId: study.id,
          sessionId: session.id,
          respondentId,
          ...mark,
          markedBy: actor?.email ?? null,
          markedAt: now,
        }),
      );
      if (status !== current) await this.lifecycle.move([respondentId], status, 'attendance-marked');
    }
    await this.audit.record({
      actor,
      action: 'attendance.mark',
      studyId: study.id,
      subjectType: 'session',
      subjectId: session.id,
      details: { groupId: session.groupId, present: request.present, absent: request.absent },
    });
    const all = [...marks.values()];
    return {
      sessionId: session.id,
      groupId: session.groupId,
      present: all.filter((m) => m.present).map((m) => m.respondentId),
      absent: all.filter((m) => !m.present).map((m) => m.respondentId),
    };
  }

  private async invitedIds(
    session: ScheduledSession,
    members: readonly { id: number; email: string | null }[],
  ): Promise<number[]> {
    const invitations = await this.sessions.invitationsOfSessions([session.id]);
    return invitedMemberIds(members, invitations, session.invitedAt !== null);
  }

  /** The command line's form: a group and the members' e-mail addresses. */
  async markByEmail(
    slug: string,
    groupId: number,
    present: string[],
    absent: string[],
    actor: AuthUser | null,
  ): Promise<AttendanceResult> {
    const study = await this.studies.get(slug);
    const session = await this.sessions.findSessionOfGroup(groupId);
    if (!session || session.studyId !== study.id) throw AppError.notFound('session_of_group', groupId);
    const memberships = (await this.groupQuery.membershipsOfGroups([groupId])).filter((m) => m.role === 'member');
    const people = await this.respondentQuery.byIds(memberships.map((m) => m.respondentId));
    const byEmail = new Map(people.filter((r) => r.email).map((r) => [r.email!.trim().toLowerCase(), r.id]));
    const unknown = [...present, ...absent].filter((e) => !byEmail.has(e.trim().toLowerCase()));
    if (unknown.length) {
      throw AppError.invalid(
        'attendance.unknown_email',
        `Not a member of group ${groupId}: ${unknown.join(', ')}. Use the addresses of the group's members.`,
        { emails: unknown },
        { groupId, emailList: unknown.join(', ') },
      );
    }
    const ids = (emails: string[]) => emails.map((e) => byEmail.get(e.trim().toLowerCase())!);
    return this.mark(session.id, { present: ids(present), absent: ids(absent) }, actor, slug);
  }
}
