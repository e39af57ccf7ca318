import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GroupRecord, MembershipRecord } from '../groups/group-query.service';
import type { HomeworkProgress } from '../homework/homework-query.service';
import { Respondent } from '../respondents/respondent.entity';
import type { AttendanceRecord, InvitationRecord, SessionRecord } from '../scheduling/scheduling-query.service';
import { SessionSlot } from '../studies/session-slot.entity';

/** Everything the pipeline counts, read at once (read-only: every change goes through the owning module's service). */
export interface StudyRows {
  respondents: Pick<Respondent, 'id' | 'organisationId' | 'quadrant' | 'status' | 'duplicateOfId' | 'email'>[];
  groups: Pick<GroupRecord, 'id' | 'status'>[];
  memberships: Pick<MembershipRecord, 'groupId' | 'respondentId' | 'role'>[];
  sessions: Pick<SessionRecord, 'id' | 'groupId' | 'status' | 'startsAt' | 'invitedAt'>[];
  invitations: Pick<InvitationRecord, 'id' | 'sessionId' | 'respondentId' | 'status'>[];
  assignments: Pick<HomeworkProgress, 'respondentId' | 'submittedAt'>[];
  marks: Pick<AttendanceRecord, 'sessionId' | 'respondentId'>[];
  slots: number;
  moderators: number;
}

/** The parts of StudyRows this module reads itself; the rest comes from the owning modules' query services. */
export type OwnRows = Pick<StudyRows, 'respondents' | 'slots'>;

@Injectable()
export class DashboardRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async studyRows(studyId: number): Promise<OwnRows> {
    const m = this.dataSource.manager;
    const [respondents, slots] = await Promise.all([
      m.find(Respondent, {
        select: { id: true, organisationId: true, quadrant: true, status: true, duplicateOfId: true, email: true },
        where: { studyId },
        order: { id: 'ASC' },
      }),
      m.countBy(SessionSlot, { studyId }),
    ]);
    return { respondents, slots };
  }
}
