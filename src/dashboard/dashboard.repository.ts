import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { FocusGroup } from '../groups/group.entity';
import { GroupMember } from '../groups/group-member.entity';
import type { HomeworkProgress } from '../homework/homework-query.service';
import { Respondent } from '../respondents/respondent.entity';
import { Attendance } from '../scheduling/attendance.entity';
import { Invitation } from '../scheduling/invitation.entity';
import { Moderator } from '../scheduling/moderator.entity';
import { ScheduledSession } from '../scheduling/session.entity';
import { SessionSlot } from '../studies/session-slot.entity';

/** Everything the pipeline counts, read at once (read-only: every change goes through the owning module's service). */
export interface StudyRows {
  respondents: Pick<Respondent, 'id' | 'organisationId' | 'quadrant' | 'status' | 'duplicateOfId' | 'email'>[];
  groups: Pick<FocusGroup, 'id' | 'status'>[];
  memberships: Pick<GroupMember, 'groupId' | 'respondentId' | 'role'>[];
  sessions: Pick<ScheduledSession, 'id' | 'groupId' | 'status' | 'startsAt' | 'invitedAt'>[];
  invitations: Pick<Invitation, 'id' | 'sessionId' | 'respondentId' | 'status'>[];
  assignments: Pick<HomeworkProgress, 'respondentId' | 'submittedAt'>[];
  marks: Pick<Attendance, 'sessionId' | 'respondentId'>[];
  slots: number;
  moderators: number;
}

@Injectable()
export class DashboardRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** All but the homework, which the homework module reads (HomeworkQueryService). */
  async studyRows(studyId: number): Promise<Omit<StudyRows, 'assignments'>> {
    const m = this.dataSource.manager;
    const [respondents, groups, sessions, marks, slots, moderators] = await Promise.all([
      m.find(Respondent, {
        select: { id: true, organisationId: true, quadrant: true, status: true, duplicateOfId: true, email: true },
        where: { studyId },
        order: { id: 'ASC' },
      }),
      m.find(FocusGroup, { select: { id: true, status: true }, where: { studyId }, order: { id: 'ASC' } }),
      m.find(ScheduledSession, {
        select: { id: true, groupId: true, status: true, startsAt: true, invitedAt: true },
        where: { studyId },
        order: { startsAt: 'ASC', id: 'ASC' },
      }),
      m.find(Attendance, { select: { sessionId: true, respondentId: true }, where: { studyId } }),
      m.countBy(SessionSlot, { studyId }),
      m.countBy(Moderator, { studyId, active: true }),
    ]);
    const groupIds = groups.map((g) => g.id);
    const memberships = groupIds.length
      ? await m.find(GroupMember, {
          select: { groupId: true, respondentId: true, role: true },
          where: { groupId: In(groupIds) },
        })
      : [];
    const invitations = await m.find(Invitation, {
      select: { id: true, sessionId: true, respondentId: true, status: true },
      where: { studyId },
      order: { id: 'ASC' },
    });
    return { respondents, groups, memberships, sessions, invitations, marks, slots, moderators };
  }
}
