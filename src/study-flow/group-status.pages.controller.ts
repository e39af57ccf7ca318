import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { unlessConfirmed } from '../common/confirmation';
import { PageAction } from '../common/page-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { backToGroups, ShowsGroupsRefusal } from '../groups/groups-page.decorators';
import { GroupsPageService } from '../groups/groups-page.service';
import { GroupsService } from '../groups/groups.service';
import { GroupDissolutionService } from './group-dissolution.service';

const STATUS_ACTIONS = ['confirm', 'lock', 'unlock', 'dissolve'] as const;
const isStatusAction = (a: string): a is (typeof STATUS_ACTIONS)[number] =>
  (STATUS_ACTIONS as readonly string[]).includes(a);

/**
 * A group's status buttons on the groups page. They live here, above groups and scheduling, because dissolving asks
 * scheduling whether the group still has a session (GroupDissolutionService); the others are the groups module's.
 */
@Controller('studies/:slug/groups')
export class GroupStatusPagesController {
  constructor(
    private readonly groups: GroupsService,
    private readonly dissolution: GroupDissolutionService,
    readonly groupsPage: GroupsPageService,
  ) {}

  @Post(':id/:action')
  @PageAction()
  @ShowsGroupsRefusal()
  async status(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('action') action: string,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    if (!isStatusAction(action)) throw AppError.notFound('group_action', action);
    if (action === 'dissolve') {
      await unlessConfirmed(confirm, async () => {
        const { members, reserves } = await this.groups.dissolvePreview(id);
        return {
          heading: { key: 'confirm.dissolve.heading', vars: { groupId: id } },
          consequences: [
            { key: 'confirm.dissolve.members', vars: { count: members } },
            ...(reserves ? [{ key: 'confirm.dissolve.reserves', vars: { count: reserves } }] : []),
            { key: 'confirm.dissolve.noMail' },
          ],
          action: `/studies/${slug}/groups/${id}/dissolve`,
          confirmLabel: { key: 'confirm.dissolve.button' },
          back: `/studies/${slug}/groups#group-${id}`,
        };
      });
      await this.dissolution.dissolve(id, user);
    } else {
      await this.groups[action](id, user);
    }
    return backToGroups(slug, action, { a: id });
  }
}
