import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { InvitationsService } from './invitations.service';

/** Refusals a respondent can meet on their link, each with its own page text (templates/locales/<locale>/link-access.json). */
const RESPONDENT_REFUSALS: Record<string, number> = {
  'invitation.link_invalid': 404,
  'invitation.study_closed': 410,
  'invitation.erased': 410,
  'invitation.cancelled': 410,
  'invitation.already_declined': 409,
};

/**
 * The respondent's confirm and decline links. A GET only shows a button: mail scanners open links, and opening
 * one must not answer for the respondent. The POST (no login, so no CSRF token) does the work. A link that no
 * longer works gets a page in the respondent's language with the helpline, never a technical error.
 */
@Controller('c')
export class InvitationPagesController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @Get(':token/confirm')
  async askConfirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, () => this.page('confirm', token, req));
  }

  @Public()
  @Get(':token/decline')
  async askDecline(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, () => this.page('decline', token, req));
  }

  @Public()
  @Post(':token/confirm')
  async confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, async () => {
      const result = await this.invitations.confirm(token);
      return { view: 'pages/scheduling/responded', model: { ...(await this.summary(token, req)), answer: 'confirmed', again: result.alreadyConfirmed } };
    });
  }

  @Public()
  @Post(':token/decline')
  async decline(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    await this.answer(res, async () => {
      const result = await this.invitations.decline(token);
      return { view: 'pages/scheduling/responded', model: { ...(await this.summary(token, req)), answer: 'declined', again: result.alreadyDeclined } };
    });
  }

  private async answer(res: Response, make: () => Promise<{ view: string; model: Record<string, unknown> }>): Promise<void> {
    // A token in the address must not leak to other sites through the Referer header, also from a refusal page.
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const { view, model } = await make();
      res.status(200).render(view, model);
    } catch (err) {
      const status = err instanceof AppError ? RESPONDENT_REFUSALS[err.code] : undefined;
      if (!status) throw err;
      const reason = (err as AppError).code.slice('invitation.'.length);
      res.status(status).render('pages/scheduling/unavailable', {
        title: `invitation.unavailable.${reason}.title`,
        heading: `invitation.unavailable.${reason}.title`,
        body: `invitation.unavailable.${reason}.body`,
        helpPhone: (err as AppError).details?.helpPhone,
      });
    }
  }

  private async page(action: 'confirm' | 'decline', token: string, req: Request) {
    const model = { ...(await this.summary(token, req)), action, isConfirm: action === 'confirm', formAction: `/c/${encodeURIComponent(token)}/${action}` };
    return { view: 'pages/scheduling/respond', model };
  }

  private async summary(token: string, req: Request) {
    const invitation = await this.invitations.describe(token, req.locale);
    return { title: 'invitation.title', invitation, behind: invitation.behind, stylesheets: ['/assets/css/scheduling.css'] };
  }
}
