import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ErasureService } from './erasure.service';

@Controller('studies/:slug/respondents')
export class ErasurePagesController {
  constructor(private readonly erasure: ErasureService) {}

  @Post(':id/erase')
  async erase(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body('confirm') confirm: unknown, @CurrentUser() user: AuthUser, @Res() res: Response) {
    // Erasure cannot be undone: the form's tick box must be ticked, also when the browser did not enforce it.
    if (confirm !== 'yes') throw AppError.invalid('respondent.erase_unconfirmed', 'Tick the box to confirm that the personal data may be erased; nothing was erased.');
    await this.erasure.erase(slug, id, user);
    res.redirect(303, `/studies/${slug}/respondents#respondent-${id}`);
  }
}
