import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { getTranslations } from '../common/view-engine';
import { AuditService } from './audit.service';
import { AUDIT_ACTION_GROUPS, describeAuditEvent } from './audit-view';
import { AuditPageQuery } from './dto/audit-query.dto';
import { pagerView } from '../common/pager';

@Controller('audit')
export class AuditPagesController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Render('pages/audit')
  async page(@Query() q: AuditPageQuery, @Req() req: Request) {
    const [page, studies] = await Promise.all([this.audit.list(q), this.audit.studyTitles()]);
    const i18n = getTranslations();
    const filters = { action: q.action, studyId: q.studyId, actor: q.actor, from: q.from, to: q.to };
    return {
      title: 'audit.title',
      stylesheets: ['/assets/css/lists.css', '/assets/css/pager.css'],
      filter: q,
      filtered: [q.action, q.studyId, q.actor, q.from, q.to].some((v) => v !== undefined),
      actionOptions: AUDIT_ACTION_GROUPS.map((group) => ({ value: group, selected: group === q.action })),
      studyOptions: [...studies].map(([id, title]) => ({ id, title, selected: id === q.studyId })),
      events: page.items.map((e) => ({
        ...e,
        sentence: describeAuditEvent(e, i18n, req.locale),
        studyTitle: e.studyId === null ? null : (studies.get(e.studyId) ?? null),
      })),
      pager: pagerView('/audit', filters, { ...page, count: page.items.length }),
    };
  }
}
