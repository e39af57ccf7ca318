import { Controller, Get, Param, Query, Render, Req } from '@nestjs/common';
import { pagerView } from '../common/pager';
import { PageQueryDto } from '../common/paging';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { describeAuditEvent } from '../audit/audit-view';
import { getTranslations } from '../common/view-engine';
import { RespondentFileService } from './respondent-file.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@Controller('studies/:slug/respondents/:id')
export class RespondentFilePagesController {
  constructor(private readonly files: RespondentFileService) {}

  /** One respondent: profile, status history, group and session, e-mails, homework and audit events. */
  @Get()
  @Render('pages/dashboard/respondent')
  async show(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const file = await this.files.read(slug, id, user, req.locale, query);
    // One pager for both lists: as long as the longer of the two.
    const longest = Math.max(file.mails.total, file.events.total);
    const i18n = getTranslations();
    return {
      title: 'respondentFile.title',
      ...file,
      name: file.respondent.firstName ?? `#${file.respondent.id}`,
      history: file.history.map((h) => ({ ...h, label: `respondentStatus.${h.status}` })),
      mails: file.mails.items,
      events: file.events.items.map((e) => ({ ...e, sentence: describeAuditEvent(e, i18n, req.locale) })),
      pager: pagerView(
        `/studies/${slug}/respondents/${id}`,
        {},
        {
          total: longest,
          offset: query.offset,
          limit: query.limit,
          count: Math.max(0, Math.min(query.limit, longest - query.offset)),
        },
      ),
      stylesheets: ['/assets/css/lists.css', '/assets/css/dashboard.css', '/assets/css/pager.css'],
    };
  }
}
