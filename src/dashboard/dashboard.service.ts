import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { GroupQueryService } from '../groups/group-query.service';
import { GroupsService } from '../groups/groups.service';
import { HomeworkQueryService } from '../homework/homework-query.service';
import { HomeworkService } from '../homework/homework.service';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { InvitationsService } from '../scheduling/invitations.service';
import { SchedulingQueryService } from '../scheduling/scheduling-query.service';
import { SchedulingService } from '../scheduling/scheduling.service';
import { StudiesService } from '../studies/studies.service';
import { StudyQueryService } from '../studies/study-query.service';
import type { Study } from '../studies/study';
import { Blocker, blockers, BulkAction, pipelineTable, PipelineTable, StudyState } from './pipeline';
import { readStudy, StudyReading, StudyRows } from './study-state';

export const BULK_ACTIONS: readonly BulkAction[] = ['confirm-groups', 'invite', 'homework'];

export interface Dashboard {
  study: Study;
  pipeline: PipelineTable;
  state: StudyState;
  blockers: Blocker[];
  previews: Record<BulkAction, BulkPreview>;
}

/** What a bulk action will do, said before it is done. */
export interface BulkPreview {
  action: BulkAction;
  groups: number;
  people: number;
  /** E-mails that will go out (0 for confirming groups). */
  emails: number;
  /** People without an e-mail address: to be reached by phone or a printed letter. */
  withoutEmail: number;
}

export interface BulkResult {
  action: BulkAction;
  /** Groups the action was done for. */
  done: number;
  /** Groups refused, with the reason (the rest went ahead: each group is its own transaction). */
  refused: { groupId: number; code: string; message: string }[];
}

/** The study's first page: the pipeline, what blocks it, and the bulk actions that move it on. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly studies: StudiesService,
    private readonly groups: GroupsService,
    private readonly invitations: InvitationsService,
    private readonly homework: HomeworkService,
    private readonly groupQuery: GroupQueryService,
    private readonly schedulingQuery: SchedulingQueryService,
    private readonly scheduling: SchedulingService,
    private readonly homeworkQuery: HomeworkQueryService,
    private readonly respondentQuery: RespondentQueryService,
    private readonly studyQuery: StudyQueryService,
  ) {}

  async dashboard(slug: string, now = new Date()): Promise<Dashboard> {
    const { study, reading, organisations } = await this.read(slug, now);
    return {
      study,
      pipeline: pipelineTable(reading.people, organisations, study),
      state: reading.state,
      blockers: blockers(reading.state),
      previews: Object.fromEntries(BULK_ACTIONS.map((a) => [a, preview(a, reading)])) as Record<
        BulkAction,
        BulkPreview
      >,
    };
  }

  async preview(slug: string, action: BulkAction, now = new Date()): Promise<{ study: Study; preview: BulkPreview }> {
    const { study, reading } = await this.read(slug, now);
    return { study, preview: preview(action, reading) };
  }

  /** Does the action for every group it applies to now (read again, so the result matches the study as it is). */
  async run(slug: string, action: BulkAction, actor: AuthUser, now = new Date()): Promise<BulkResult> {
    const { study, reading } = await this.read(slug, now);
    if (study.status === 'closed')
      throw AppError.conflict(
        'study.closed',
        'This study is closed: nothing can be confirmed, invited or sent any more.',
      );
    const groupIds = work(action, reading);
    if (!groupIds.length)
      throw AppError.conflict(
        'dashboard.nothing_to_do',
        'There is nothing to do for this action any more: the page was out of date.',
      );
    const result: BulkResult = { action, done: 0, refused: [] };
    for (const groupId of groupIds) {
      try {
        if (action === 'confirm-groups') await this.groups.confirm(groupId, actor);
        else if (action === 'invite') await this.invitations.sendForGroup(slug, groupId, actor);
        else await this.homework.sendForGroup(slug, groupId, actor);
        result.done++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.refused.push({ groupId, code: err.code, message: err.message });
      }
    }
    return result;
  }

  private async read(
    slug: string,
    now: Date,
  ): Promise<{ study: Study; reading: StudyReading; organisations: { id: number; name: string }[] }> {
    const { study, organisations: links } = await this.studies.detail(slug);
    const organisations = links.map((l) => ({ id: l.organisationId, name: l.organisation.name }));
    const rows = await this.studyRows(study);
    return { study, organisations, reading: readStudy(rows, { ...study, organisations }, now) };
  }

  /** Everything the pipeline counts, each part from the module that owns it. */
  private async studyRows(study: Study): Promise<StudyRows> {
    const studyId = study.id;
    const [respondents, slots, groups, sessions, invitations, marks, moderators, assignments] = await Promise.all([
      this.respondentQuery.pipelineOf(studyId),
      this.studyQuery.countSlots(studyId),
      this.groupQuery.groupsOfStudy(studyId),
      this.schedulingQuery.sessionsOfStudy(studyId),
      this.schedulingQuery.invitationsOfStudy(studyId),
      this.schedulingQuery.marksOfStudy(studyId),
      this.schedulingQuery.activeModeratorCount(studyId),
      this.homeworkQuery.progressOfStudy(studyId),
    ]);
    const memberships = groups.flatMap((g) => g.memberships);
    // What a run would do now, by the scheduler's own rules (moderators' slots, daily maxima, rest, capacity).
    const { unplaced } = await this.scheduling.run(study.slug, { dryRun: true }, null, study.locale);
    return { respondents, slots, groups, memberships, sessions, invitations, marks, moderators, assignments, unplaced };
  }
}

function work(action: BulkAction, reading: StudyReading): number[] {
  if (action === 'confirm-groups') return reading.proposedGroupIds;
  if (action === 'invite') return reading.inviteWork.map((w) => w.groupId);
  return reading.homeworkWork.map((w) => w.groupId);
}

function preview(action: BulkAction, reading: StudyReading): BulkPreview {
  if (action === 'confirm-groups') {
    return {
      action,
      groups: reading.proposedGroupIds.length,
      people: reading.proposedMembers,
      emails: 0,
      withoutEmail: 0,
    };
  }
  if (action === 'invite') {
    const w = reading.inviteWork;
    return {
      action,
      groups: w.length,
      people: sum(w.map((x) => x.memberEmails + x.withoutEmail)),
      emails: sum(w.map((x) => x.memberEmails + x.moderatorEmails)),
      withoutEmail: sum(w.map((x) => x.withoutEmail)),
    };
  }
  const w = reading.homeworkWork;
  return {
    action,
    groups: w.length,
    people: sum(w.map((x) => x.respondentIds.length)),
    emails: sum(w.map((x) => x.letters)),
    withoutEmail: sum(w.map((x) => x.paper)),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
