import { Controller, Get, Header, Param, Post, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import type { AppError } from '../common/app-error';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { InvitationsService } from '../scheduling/invitations.service';
import { InvitationResponsesService } from './invitation-responses.service';

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
const answered = (token: string) => `/c/${encodeURIComponent(token)}/answered`;

@Controller('c')
export class InvitationPagesController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly responses: InvitationResponsesService,
  ) {}

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
  @PageAction()
  @Header('Referrer-Policy', 'no-referrer')
  @unavailable()
  async confirm(@Param('token') token: string) {
    await this.responses.confirm(token);
    return seeOther(answered(token));
  }

  @Public()
  @Post(':token/decline')
  @PageAction()
  @Header('Referrer-Policy', 'no-referrer')
  @unavailable()
  async decline(@Param('token') token: string) {
    await this.responses.decline(token);
    return seeOther(answered(token));
  }

  /** Where an answer leads (303 See Other, so a reload does not post again): the outcome as it now stands. */
  @Public()
  @Get(':token/answered')
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/scheduling/responded')
  @unavailable()
  async outcome(@Param('token') token: string, @Req() req: Request) {
    const summary = await this.summary(token, req);
    const link = `/c/${encodeURIComponent(token)}`;
    return {
      ...summary,
      answer: summary.invitation.status,
      confirmUrl: `${link}/confirm`,
      declineUrl: `${link}/decline`,
    };
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
