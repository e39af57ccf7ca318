import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { RespondentLifecycleService } from '../respondents/respondent-lifecycle.service';
import { StudyQueryService } from '../studies/study-query.service';
import { FocusGroup } from './group.entity';
import { GroupRepository } from './group.repository';
import { assertGroupsChangeable } from './groups.service';

/**
 * Deletes a group. It does not ask whether the group's session still takes place (that is scheduling's to say, and
 * scheduling lies above groups), so only study-flow's GroupDissolutionService calls it, after asking (lint rule
 * `group-dissolver-one-caller`).
 */
@Injectable()
export class GroupDissolverService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly studyQuery: StudyQueryService,
    private readonly lifecycle: RespondentLifecycleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The group, locked for the rest of the caller's transaction, once the groups module's own rules allow dissolving
   * it: it exists, its study is open and it is not locked.
   */
  @Transactional()
  async lockForDissolving(id: number): Promise<FocusGroup> {
    const group = (await this.groups.lockGroups([id])).get(id);
    if (!group) throw AppError.notFound('group', id);
    assertGroupsChangeable((await this.studyQuery.byId(group.studyId))!);
    if (group.status === 'locked')
      throw AppError.conflict(
        'group.locked',
        `Group ${id} is locked. Unlock it first if it really has to be dissolved.`,
        undefined,
        { groupId: id },
      );
    return group;
  }

  /** Deletes the group; its members become eligible again. The audit event keeps who was in it. */
  @Transactional()
  async dissolve(id: number, actor: AuthUser): Promise<{ dissolved: number; studySlug: string }> {
    const group = await this.lockForDissolving(id);
    const memberships = await this.groups.membershipsOfGroups([id]);
    const members = memberships.filter((m) => m.role === 'member').map((m) => m.respondentId);
    await this.groups.deleteGroups([id]);
    await this.lifecycle.move(members, 'eligible', 'left-group');
    await this.audit.record({
      actor,
      action: 'group.dissolve',
      studyId: group.studyId,
      subjectType: 'focus_group',
      subjectId: id,
      details: {
        status: group.status,
        quadrant: group.quadrant,
        organisationId: group.organisationId,
        members,
        reserves: memberships.filter((m) => m.role === 'reserve').map((m) => m.respondentId),
      },
    });
    const study = (await this.studyQuery.byId(group.studyId))!;
    return { dissolved: id, studySlug: study.slug };
  }
}
