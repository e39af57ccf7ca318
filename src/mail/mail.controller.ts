import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { OutboxQueryDto } from './dto/outbox-query.dto';
import { OutboxService } from './outbox.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('outbox')
@Controller('api/outbox')
export class MailController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  list(@Query() q: OutboxQueryDto) {
    return this.outbox.list(q);
  }

  @Get(':id')
  get(@Param('id', ParseIdPipe) id: number) {
    return this.outbox.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  retry(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.outbox.retry(id, user);
  }
}
