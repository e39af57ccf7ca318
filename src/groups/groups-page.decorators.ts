import { errorMessage } from '../common/error-body';
import { OnRefusal } from '../common/form-refusal';
import { SeeOther, seeOther } from '../common/page-answer';
import { GroupsPageQueryDto } from './dto/groups.dto';
import { refusalText } from './groups-page';
import type { GroupsPageService } from './groups-page.service';

/**
 * A refused change shows the groups page again, the refusal at the top next to the groups it concerns, in the
 * reader's language (an unknown study still gets the error page: the page cannot be built). For any controller
 * that posts a change from the groups page and holds the page's model as `groupsPage`.
 */
export const ShowsGroupsRefusal = () =>
  OnRefusal<{ groupsPage: GroupsPageService }>({
    view: 'pages/groups/index',
    kinds: ['invalid', 'conflict', 'not_found'],
    model: async (c, req, err) => ({
      ...(await c.groupsPage.model(String(req.params.slug), req.locale, new GroupsPageQueryDto())),
      // A refusal the page has no words of its own for is said as the catalogue says it (error.<code>), not in English.
      refusal: refusalText({ text: errorMessage(err, req.locale), code: err.code, details: err.details }, req.locale),
    }),
  });

/** Back to the groups page, with what was done (`groups.done.<key>`). */
export const backToGroups = (slug: string, key: string, vars: Record<string, unknown>): SeeOther =>
  seeOther(`/studies/${slug}/groups`, `groups.done.${key}`, vars);
