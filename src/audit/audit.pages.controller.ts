import { Controller, Get, Query, Render } from '@nestjs/common';
import { AuditQuery } from './audit.controller';
import { AuditService } from './audit.service';

@Controller('audit')
export class AuditPagesController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Render('pages/audit')
  async page(@Query() q: AuditQuery) {
    return { title: 'audit.title', events: await this.audit.list(q) };
  }
}
