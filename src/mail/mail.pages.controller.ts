import { Controller, Get, Param, Post, Query, Render } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentUser } from '../auth/auth.decorators';
import { LOCALES } from '../common/domain';
import { PageAction, seeOther } from '../common/page-answer';
import { pagerView } from '../common/pager';
import type { AuthUser } from '../auth/auth-user';
import { OutboxQueryDto } from './dto/outbox-query.dto';
import { OUTBOX_STATUSES, RETRYABLE_STATUSES } from './outbox-policy';
import { OutboxService } from './outbox.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** The page's query: the API filter and the header's language switch. */
export class OutboxPageQueryDto extends OutboxQueryDto {
  @IsOptional() @IsIn(LOCALES) lang?: string;
}

@Controller('outbox')
export class MailPagesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Render('pages/mail/outbox')
  async page(@Query() q: OutboxPageQueryDto) {
    const [page, counts, choices] = await Promise.all([
      this.outbox.list(q),
      this.outbox.summary(),
      this.outbox.filterChoices(),
    ]);
    const filters = {
      status: q.status,
      kind: q.kind,
      studyId: q.studyId,
      recipient: q.recipient,
      from: q.from,
      to: q.to,
    };
    return {
      title: 'mail.title',
      stylesheets: ['/assets/css/mail.css', '/assets/css/lists.css', '/assets/css/pager.css'],
      transport: this.outbox.transportDescription(),
      // Without SMTP_URL nothing leaves the machine: say so in the reader's language, with what to do about it.
      toFiles: !this.outbox.transportDescription().startsWith('SMTP'),
      counts: OUTBOX_STATUSES.map((status) => ({ status, count: counts[status] })),
      filter: q,
      filtered: [q.status, q.kind, q.studyId, q.recipient, q.from, q.to].some((v) => v !== undefined),
      statuses: OUTBOX_STATUSES.map((status) => ({ status, selected: status === q.status })),
      kindOptions: choices.kinds.map((kind) => ({ kind, selected: kind === q.kind })),
      studyOptions: choices.studies.map((s) => ({ ...s, selected: s.id === q.studyId })),
      messages: page.items.map((m) => ({
        ...m,
        retryable: RETRYABLE_STATUSES.includes(m.status),
        cancelled: m.status === 'cancelled',
        waiting: m.status === 'pending' && m.attempts > 0,
      })),
      pager: pagerView('/outbox', filters, { ...page, count: page.items.length }),
      hasUnknown: counts.unknown > 0,
    };
  }

  @Post(':id/retry')
  @PageAction()
  async retry(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    await this.outbox.retry(id, user);
    return seeOther('/outbox', 'mail.done.retried');
  }
}
