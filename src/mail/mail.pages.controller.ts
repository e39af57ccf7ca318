import { Controller, Get, Param, ParseIntPipe, Post, Query, Render, Res } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import { LOCALES } from '../common/domain';
import type { AuthUser } from '../auth/auth-user';
import { OutboxQueryDto } from './dto/outbox-query.dto';
import { OUTBOX_STATUSES, RETRYABLE_STATUSES } from './outbox-policy';
import { OutboxService } from './outbox.service';

/** The page's query: the API filter, the marker the retry form redirects with, and the header's language switch. */
export class OutboxPageQueryDto extends OutboxQueryDto {
  @IsOptional() @IsIn(['1']) retried?: '1';
  @IsOptional() @IsIn(LOCALES) lang?: string;
}

@Controller('outbox')
export class MailPagesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Render('pages/mail/outbox')
  async page(@Query() q: OutboxPageQueryDto) {
    const [messages, counts] = await Promise.all([this.outbox.list(q), this.outbox.summary()]);
    return {
      title: 'mail.title',
      stylesheets: ['/assets/css/mail.css'],
      transport: this.outbox.transportDescription(),
      // Without SMTP_URL nothing leaves the machine: say so in the reader's language, with what to do about it.
      toFiles: !this.outbox.transportDescription().startsWith('SMTP'),
      retried: q.retried === '1',
      counts: OUTBOX_STATUSES.map((status) => ({ status, count: counts[status] })),
      statuses: OUTBOX_STATUSES.map((status) => ({ status, selected: status === q.status })),
      messages: messages.map((m) => ({ ...m, retryable: RETRYABLE_STATUSES.includes(m.status), waiting: m.status === 'pending' && m.attempts > 0 })),
      hasUnknown: counts.unknown > 0,
    };
  }

  @Post(':id/retry')
  async retry(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.outbox.retry(id, user);
    res.redirect(303, '/outbox?retried=1');
  }
}
