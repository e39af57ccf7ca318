import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { GroupDissolverService } from '../groups/group-dissolver.service';
import { SchedulingQueryService } from '../scheduling/scheduling-query.service';

/**
 * Dissolving a group, a rule across groups and scheduling: a group whose session still takes place is not dissolved,
 * because deleting it would drop the session without telling anyone, while cancelling the session sends the
 * calendar cancellations. The group stays locked from the check to the deletion, so a session placed meanwhile
 * cannot slip through.
 */
@Injectable()
export class GroupDissolutionService {
  constructor(
    private readonly groups: GroupDissolverService,
    private readonly scheduling: SchedulingQueryService,
  ) {}

  @Transactional()
  async dissolve(id: number, actor: AuthUser): Promise<{ dissolved: number; studySlug: string }> {
    await this.groups.lockForDissolving(id);
    if (await this.scheduling.hasActiveSession(id)) {
      throw AppError.conflict(
        'group.scheduled',
        `Group ${id} has a scheduled session. Cancel it on the schedule page first, so members and moderators get a cancellation.`,
        undefined,
        { groupId: id },
      );
    }
    return this.groups.dissolve(id, actor);
  }
}
