import { Controller, Get, HttpCode, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
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
  async askConfirm(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.page('confirm', token, req, res);
  }

  @Public()
  @Get(':token/decline')
  @Render('pages/scheduling/respond')
  async askDecline(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.page('decline', token, req, res);
  }

  @Public()
  @Post(':token/confirm')
  @HttpCode(200)
  @Render('pages/scheduling/responded')
  async confirm(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.invitations.confirm(token);
    return { ...(await this.summary(token, req, res)), answer: 'confirmed', again: result.alreadyConfirmed };
  }

  @Public()
  @Post(':token/decline')
  @HttpCode(200)
  @Render('pages/scheduling/responded')
  async decline(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.invitations.decline(token);
    return { ...(await this.summary(token, req, res)), answer: 'declined', again: result.alreadyDeclined };
  }

  private async page(action: 'confirm' | 'decline', token: string, req: Request, res: Response) {
    return { ...(await this.summary(token, req, res)), action, isConfirm: action === 'confirm', formAction: `/c/${encodeURIComponent(token)}/${action}` };
  }

  private async summary(token: string, req: Request, res: Response) {
    // A token in the address must not leak to other sites through the Referer header.
    res.setHeader('Referrer-Policy', 'no-referrer');
    const invitation = await this.invitations.describe(token, req.locale);
    return { title: 'invitation.title', invitation, behind: invitation.behind, stylesheets: ['/assets/css/scheduling.css'] };
  }
}
