import { Controller, Get, Param, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { getTranslations } from '../common/view-engine';
import { StudiesService } from '../studies/studies.service';
import { CodingWorkspaceService } from './coding-workspace.service';

/** Texts the workspace's script says (status messages), under `coding.ui.`. */
const SCRIPT_TEXTS = ['failed', 'saved', 'pickCode'] as const;

/** Researchers: the coding workspace, one respondent at a time (`?r=R05`), with a list to move between them. */
@Controller('studies/:slug/coding')
export class CodingPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly workspace: CodingWorkspaceService,
  ) {}

  @Get()
  @Render('pages/coding/workspace')
  async show(
    @Param('slug') slug: string,
    @Query('r') wanted: string | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const study = await this.studies.get(slug);
    const w = await this.workspace.of(study.id, study.slug, user.id, req.locale);
    const i18n = getTranslations();
    const index = Math.max(
      0,
      w.respondents.findIndex((r) => r.pseudonym === wanted),
    );
    const href = (i: number) => {
      const r = w.respondents[i];
      return r ? `/studies/${study.slug}/coding?r=${r.pseudonym}` : null;
    };
    const codeById = new Map(w.codes.map((c) => [c.id, c]));
    const current = w.respondents[index];
    return {
      title: 'coding.page.title',
      study,
      stylesheets: ['/assets/css/forms.css', '/assets/css/coding.css'],
      scripts: ['/assets/js/coding-workspace.js'],
      respondents: w.respondents.map((r, i) => ({
        pseudonym: r.pseudonym,
        coded: r.coded,
        total: r.answers.length,
        href: href(i),
        current: i === index,
      })),
      current: current && {
        ...current,
        total: current.answers.length,
        answers: current.answers.map((a) => ({
          ...a,
          length: a.text.length,
          rows: Math.min(12, Math.max(2, Math.ceil(a.text.length / 80) + a.text.split('\n').length - 1)),
          codings: a.codings.map((c) => {
            const code = codeById.get(c.codeId);
            return {
              ...c,
              tekstId: code?.tekstId ?? '',
              path: code?.path.join(' › ') ?? '',
              colour: code?.colour ?? '#7F7F7F',
              quote: a.text.slice(c.start, c.end),
            };
          }),
        })),
      },
      previous: index > 0 ? href(index - 1) : null,
      next: href(index + 1),
      codes: w.codes.map((c) => ({ tekstId: c.tekstId, label: c.path.join(' › ') })),
      codeIds: w.codes.map((c) => ({ id: c.id, tekstId: c.tekstId, label: c.path.join(' › ') })),
      texts: Object.fromEntries(SCRIPT_TEXTS.map((k) => [k, i18n.t(req.locale, `coding.ui.${k}`)])),
    };
  }
}
