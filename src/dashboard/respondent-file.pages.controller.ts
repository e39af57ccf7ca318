import { Controller, Get, Param, Render, Req } from '@nestjs/common';
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
  async show(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser, @Req() req: Request) {
    const file = await this.files.read(slug, id, user, req.locale);
    const i18n = getTranslations();
    return {
      title: 'respondentFile.title',
      ...file,
      name: file.respondent.firstName ?? `#${file.respondent.id}`,
      history: file.history.map((h) => ({ ...h, label: `respondentStatus.${h.status}` })),
      events: file.events.map((e) => ({ ...e, sentence: describeAuditEvent(e, i18n, req.locale) })),
      stylesheets: ['/assets/css/lists.css', '/assets/css/dashboard.css'],
    };
  }
}
