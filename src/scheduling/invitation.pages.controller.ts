import { Controller, Get, HttpCode, Param, Post, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { InvitationsService } from './invitations.service';

/**
 * The respondent's confirm and decline links. A GET only shows a button: mail scanners open links, and opening
 * one must not answer for the respondent. The POST (no login, so no CSRF token) does the work.
 */
@Controller('c')
export class InvitationPagesController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @Get(':token/confirm')
  @Render('pages/scheduling/respond')
  async askConfirm(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return this.page('confirm', token, res);
  }

  @Public()
  @Get(':token/decline')
  @Render('pages/scheduling/respond')
  async askDecline(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return this.page('decline', token, res);
  }

  @Public()
  @Post(':token/confirm')
  @HttpCode(200)
  @Render('pages/scheduling/responded')
  async confirm(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    const result = await this.invitations.confirm(token);
    return { ...(await this.summary(token, res)), answer: 'confirmed', again: result.alreadyConfirmed };
  }

  @Public()
  @Post(':token/decline')
  @HttpCode(200)
  @Render('pages/scheduling/responded')
  async decline(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    const result = await this.invitations.decline(token);
    return { ...(await this.summary(token, res)), answer: 'declined', again: result.alreadyDeclined };
  }

  private async page(action: 'confirm' | 'decline', token: string, res: Response) {
    return { ...(await this.summary(token, res)), action, isConfirm: action === 'confirm', formAction: `/c/${encodeURIComponent(token)}/${action}` };
  }

  private async summary(token: string, res: Response) {
    // A token in the address must not leak to other sites through the Referer header.
    res.setHeader('Referrer-Policy', 'no-referrer');
    return { title: 'invitation.title', invitation: await this.invitations.describe(token), stylesheets: ['/assets/css/scheduling.css'] };
  }
}
