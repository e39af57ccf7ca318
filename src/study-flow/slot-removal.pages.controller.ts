import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { unlessConfirmed } from '../common/confirmation';
import { formatSlot } from '../common/format';
import { PageAction, seeOther } from '../common/page-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { SlotRemovalService } from './slot-removal.service';

/** The delete button of a slot on the study's settings page: here, above studies, because it asks scheduling first. */
@Controller('studies')
export class SlotRemovalPagesController {
  constructor(private readonly slots: SlotRemovalService) {}

  @Post(':slug/slots/:id/delete')
  @PageAction()
  async remove(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await unlessConfirmed(confirm, async () => {
      const { slot, sessions } = await this.slots.preview(slug, id);
      return {
        heading: { key: 'confirm.slot.heading', vars: { when: formatSlot(slot.startsAt, slot.endsAt, req.locale) } },
        consequences: [
          { key: 'confirm.slot.effect' },
          ...(sessions ? [{ key: 'confirm.slot.inUse', vars: { count: sessions } }] : []),
        ],
        action: `/studies/${slug}/slots/${id}/delete`,
        confirmLabel: { key: 'confirm.slot.button' },
        back: `/studies/${slug}/settings#slots`,
      };
    });
    await this.slots.remove(slug, id, user);
    return seeOther(`/studies/${slug}/settings#slots`, 'study.done.slotRemoved');
  }
}
