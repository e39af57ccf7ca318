import { Injectable } from '@nestjs/common';
import type { Page } from '../common/paging';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { UserQueryService } from '../auth/user-query.service';
import type { AuditRecord } from '../audit/audit-record';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { formatSlot } from '../common/format';
import { GroupQueryService } from '../groups/group-query.service';
import { OutboxService } from '../mail/outbox.service';
import { HomeworkQueryService } from '../homework/homework-query.service';
import { homeworkStatus, HomeworkStatus } from '../homework/homework-rules';
import type { Respondent } from '../respondents/respondent';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { groupLabel } from '../scheduling/schedule-loader';
import { SchedulingQueryService } from '../scheduling/scheduling-query.service';
import { StudiesService } from '../studies/studies.service';
import { StudyQueryService } from '../studies/study-query.service';
import type { Study } from '../studies/study';
import { statusHistory, StatusStep } from './status-history';

export interface RespondentFile {
  study: Study;
  respondent: Respondent;
  organisation: string | null;
  history: StatusStep[];
  group: { id: number; label: string; status: string; role: string } | null;
  session: {
    id: number;
    time: string;
    cancelled: boolean;
    lead: string | null;
    noteTaker: string | null;
    invitation: string | null;
    attendance: 'present' | 'absent' | null;
  } | null;
  homework: {
    status: HomeworkStatus;
    importedFrom: string | null;
    deadline: Date;
    submittedAt: Date | null;
    letterSentAt: Date | null;
    reminderSentAt: Date | null;
  } | null;
  /** One page of each (the page's offset and limit), with their totals. */
  mails: Page<{ id: number; kind: string; subject: string; status: string; createdAt: Date; sentAt: Date | null }>;
  events: Page<AuditRecord>;
}

/** A researcher's page about one respondent; reading it is a personal-data read, so it is audited. */
@Injectable()
export class RespondentFileService {
  constructor(
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    private readonly homework: HomeworkQueryService,
    private readonly groups: GroupQueryService,
    private readonly scheduling: SchedulingQueryService,
    private readonly respondents: RespondentQueryService,
    private readonly studyReads: StudyQueryService,
    private readonly users: UserQueryService,
    private readonly outbox: OutboxService,
  ) {}

  async read(
    slug: string,
    id: number,
    actor: AuthUser,
    locale: Locale,
    page: { offset: number; limit: number },
  ): Promise<RespondentFile> {
    const study = await this.studies.get(slug);
    const respondent = await this.respondents.byId(id, study.id);
    if (!respondent) throw AppError.notFound('respondent', id);
    const [organisation, changes, membership, invitations, marks, assignment, mails, events] = await Promise.all([
      this.organisationName(respondent.organisationId),
      this.respondents.statusChanges(id),
      this.membership(study.id, id),
      this.scheduling.invitationsOf(id),
      this.scheduling.marksOf(id),
      this.homework.progressOf(id),
      respondent.email
        ? this.outbox.mailsTo(study.id, respondent.email, page)
        : Promise.resolve({ items: [], total: 0 }),
      this.audit.aboutRespondent(study.id, id, page),
    ]);
    const session = membership ? await this.scheduling.sessionOfGroup(membership.group.id) : null;
    const names = session
      ? await this.users.names([session.leadModeratorId, session.noteModeratorId])
      : new Map<number, string>();
    const invitation = session ? invitations.find((i) => i.sessionId === session.id) : undefined;
    const mark = session ? marks.find((m) => m.sessionId === session.id) : undefined;
    // Recorded before the page is shown, so a read that fails half-way is still on record.
    await this.audit.record({
      actor,
      action: 'respondent.read',
      studyId: study.id,
      subjectType: 'respondent',
      subjectId: id,
    });
    return {
      study,
      respondent,
      organisation,
      history: statusHistory(respondent.screenedAt, respondent.status, changes),
      group: membership
        ? {
            id: membership.group.id,
            label: groupLabel(membership.group, organisation ?? '?', locale),
            status: membership.group.status,
            role: membership.member.role,
          }
        : null,
      session: session
        ? {
            id: session.id,
            time: formatSlot(session.startsAt, session.endsAt, locale),
            cancelled: session.status === 'cancelled',
            lead: names.get(session.leadModeratorId) ?? null,
            noteTaker: names.get(session.noteModeratorId) ?? null,
            invitation: invitation?.status ?? null,
            attendance: mark ? (mark.present ? 'present' : 'absent') : null,
          }
        : null,
      homework: assignment
        ? {
            status: homeworkStatus(assignment),
            importedFrom: assignment.submittedAt ? assignment.importedFrom : null,
            deadline: assignment.deadline,
            submittedAt: assignment.submittedAt,
            letterSentAt: assignment.letterSentAt,
            reminderSentAt: assignment.reminderSentAt,
          }
        : null,
      mails: { ...mails, ...page },
      events: { ...events, ...page },
    };
  }

  private async organisationName(id: number | null): Promise<string | null> {
    if (id === null) return null;
    return (await this.studyReads.organisationNames([id])).get(id) ?? null;
  }

  private async membership(studyId: number, respondentId: number) {
    const member = await this.groups.membershipOf(studyId, respondentId);
    const group = member ? await this.groups.findGroup(member.groupId) : null;
    return member && group ? { member, group } : null;
  }
}
