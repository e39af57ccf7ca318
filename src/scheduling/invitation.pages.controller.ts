import { Controller, Get, Header, HttpCode, Param, Post, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import type { AppError } from '../common/app-error';
import { OnRefusal } from '../common/form-refusal';
import { InvitationsService } from './invitations.service';

/**
 * A link that no longer works gets a page in the respondent's language with the helpline, never a technical error
 * (templates/locales/<locale>/link-access.json); its status comes from the refusal's kind like every other answer.
 */
const unavailable = () =>
  OnRefusal({
    view: 'pages/scheduling/unavailable',
    kinds: ['not_found', 'gone', 'conflict'],
    when: (err) => err.code.startsWith('invitation.'),
    model: (_c, _req, err: AppError) => {
      const reason = err.code.slice('invitation.'.length);
      return {
        title: `invitation.unavailable.${reason}.title`,
        heading: `invitation.unavailable.${reason}.title`,
        body: `invitation.unavailable.${reason}.body`,
        helpPhone: err.details?.helpPhone,
      };
    },
  });

/**
 * The respondent's confirm and decline links. A GET only shows a button: mail scanners open links, and opening
 * one must not answer for the respondent. The POST (no login, so no CSRF token) does the work. A token in the
 * address must not leak to other sites through the Referer header, also from a refusal page.
 */
@Controller('c')
export class InvitationPagesController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @Get(':token/confirm')
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/scheduling/respond')
  @unavailable()
  askConfirm(@Param('token') token: string, @Req() req: Request) {
    return this.page('confirm', token, req);
  }

  @Public()
  @Get(':token/decline')
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/scheduling/respond')
  @unavailable()
  askDecline(@Param('token') token: string, @Req() req: Request) {
    return this.page('decline', token, req);
  }

  @Public()
  @Post(':token/confirm')
  @HttpCode(200)
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/scheduling/responded')
  @unavailable()
  async confirm(@Param('token') token: string, @Req() req: Request) {
    const result = await this.invitations.confirm(token);
    return { ...(await this.summary(token, req)), answer: 'confirmed', again: result.alreadyConfirmed };
  }

  @Public()
  @Post(':token/decline')
  @HttpCode(200)
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/scheduling/responded')
  @unavailable()
  async decline(@Param('token') token: string, @Req() req: Request) {
    const result = await this.invitations.decline(token);
    return { ...(await this.summary(token, req)), answer: 'declined', again: result.alreadyDeclined };
  }

  private async page(action: 'confirm' | 'decline', token: string, req: Request) {
    return {
      ...(await this.summary(token, req)),
      action,
      isConfirm: action === 'confirm',
      formAction: `/c/${encodeURIComponent(token)}/${action}`,
    };
  }

  private async summary(token: string, req: Request) {
    const invitation = await this.invitations.describe(token, req.locale);
    return {
      title: 'invitation.title',
      invitation,
      behind: invitation.behind,
      stylesheets: ['/assets/css/scheduling.css'],
    };
  }
}
