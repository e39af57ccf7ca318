import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { PageAction, seeOther } from '../common/page-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ErasureService } from './erasure.service';

@Controller('studies/:slug/respondents')
export class ErasurePagesController {
  constructor(private readonly erasure: ErasureService) {}

  @Post(':id/erase')
  @PageAction()
  async erase(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    // Erasure cannot be undone: the form's tick box must be ticked, also when the browser did not enforce it.
    if (confirm !== 'yes')
      throw AppError.invalid(
        'respondent.erase_unconfirmed',
        'Tick the box to confirm that the personal data may be erased; nothing was erased.',
      );
    await this.erasure.erase(slug, id, user);
    return seeOther(`/studies/${slug}/respondents#respondent-${id}`, 'respondents.done.erased', { id });
  }
}
