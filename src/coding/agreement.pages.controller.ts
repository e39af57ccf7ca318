import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { LOCALE_TAG, type Locale } from '../common/domain';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AgreementService, Coefficient } from './agreement.service';
import { SettleFormDto } from './dto/agreement.dto';
import { sendQdpx } from './qdpx.controller';
import { QdpxService } from './qdpx.service';

const page = (slug: string) => `/studies/${slug}/coding/agreement`;
const answerAnchor = (assignmentId: number, question: string) => `answer-${assignmentId}-${question}`;

/** A coefficient with three decimals in the reader's notation; an undefined one (0/0) as a dash. */
const shown = (c: Coefficient | null, locale: Locale) =>
  c?.value == null
    ? '—'
    : c.value.toLocaleString(LOCALE_TAG[locale], { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Researchers: agreement between the coders, the disagreements to settle, and the REFI-QDA download. */
@Controller('studies/:slug/coding')
export class AgreementPagesController {
  constructor(
    private readonly agreement: AgreementService,
    private readonly qdpx: QdpxService,
  ) {}

  @Get('agreement')
  @Render('pages/coding/agreement')
  show(@Param('slug') slug: string, @Req() req: Request) {
    return this.model(slug, req.locale);
  }

  /** One form per disputed answer; a refusal shows the page again with that form's choices and its problem. */
  @Post('agreement/answers/:assignmentId/:question/settle')
  @PageAction()
  @OnRefusal<AgreementPagesController>({
    view: 'pages/coding/agreement',
    model: (c, req) => c.model(String(req.params.slug), req.locale),
    form: {
      name: 'settle-{assignmentId}-{question}',
      fields: { codes: { label: 'agreement.page.choose', id: 'codes-{assignmentId}-{question}' } },
    },
  })
  async settle(
    @Param('slug') slug: string,
    @Param('assignmentId', ParseIdPipe) assignmentId: number,
    @Param('question') question: string,
    @Body() dto: SettleFormDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.agreement.settle(slug, { assignmentId, question }, dto.codes ?? [], user);
    return seeOther(`${page(slug)}#${answerAnchor(assignmentId, question)}`, 'agreement.page.done.settled');
  }

  @Get('qdpx')
  async download(@Param('slug') slug: string, @CurrentUser() user: AuthUser, @Res() res: Response) {
    sendQdpx(res, await this.qdpx.export(slug, user, 'page'));
  }

  async model(slug: string, locale: Locale) {
    const view = await this.agreement.agreement(slug, locale);
    const withAnchor = <T extends { assignmentId: number; question: string }>(d: T) => ({
      ...d,
      anchor: answerAnchor(d.assignmentId, d.question),
    });
    return {
      title: 'agreement.page.title',
      study: view.study,
      view,
      twoCoders: view.coders.length === 2,
      overall: { alpha: shown(view.overall.alpha, locale), kappa: shown(view.overall.kappa, locale) },
      perCode: view.perCode.map((c) => ({
        ...c,
        alpha: shown(c.alpha, locale),
        kappa: shown(c.kappa, locale),
        units: c.alpha.units,
      })),
      open: view.disagreements.filter((d) => d.settled === null).map(withAnchor),
      settled: view.disagreements.filter((d) => d.settled !== null).map(withAnchor),
      qdpxHref: `/studies/${view.study.slug}/coding/qdpx`,
      stylesheets: ['/assets/css/forms.css', '/assets/css/agreement.css'],
    };
  }
}
