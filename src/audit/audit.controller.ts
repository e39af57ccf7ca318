import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** { items, total, offset, limit }, newest first. */
  @Get()
  list(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}
