import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isConfirmed, renderConfirmation } from '../common/confirmation';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { getTranslations } from '../common/view-engine';
import { CodebookService, CodeInput } from './codebook.service';
import { changeLine, codeTree } from './codebook-view';
import { CODEBOOK_FORMATS } from './codebook-versions';
import { CodeDto } from './dto/codebook.dto';

const NOTICES = ['added', 'saved', 'deleted'];
const page = (slug: string) => `/studies/${slug}/codebook`;

/** Researchers: the study's codebook as a tree, its editor, its import and its downloads. */
@Controller('studies/:slug/codebook')
export class CodebookPagesController {
  constructor(private readonly codebook: CodebookService) {}

  @Get()
  @Render('pages/codebook/show')
  async show(@Param('slug') slug: string, @Query('done') done: string | undefined, @Req() req: Request) {
    const [{ study, version, codes }, history] = await Promise.all([
      this.codebook.codebook(slug),
      this.codebook.history(slug, 10),
    ]);
    const i18n = getTranslations();
    return {
      title: 'codebook.page.title',
      study,
      version,
      tree: codeTree(codes),
      codeCount: codes.filter((c) => c.tekstId !== null).length,
      notice: done && NOTICES.includes(done) ? `codebook.page.done.${done}` : null,
      downloads: CODEBOOK_FORMATS.map((format) => ({
        format,
        href: `/api/studies/${study.slug}/codebook/export?format=${format}`,
      })),
      history: history.map((v) => {
        const line = changeLine(v.kind, v.summary);
        return {
          version: v.version,
          when: v.changedAt,
          who:
            v.changedByEmail ??
            i18n.t(req.locale, v.kind === 'create' ? 'codebook.history.platform' : 'codebook.history.system'),
          what: i18n.t(req.locale, line.key, line.vars),
        };
      }),
      stylesheets: ['/assets/css/forms.css', '/assets/css/codebook.css'],
    };
  }

  @Get('codes/new')
  async newCode(@Param('slug') slug: string, @Query('parent') parent: string | undefined, @Res() res: Response) {
    const { study, codes } = await this.codebook.codebook(slug);
    const above = parent ? codes.find((c) => String(c.id) === parent) : undefined;
    const [cat1 = '', cat2 = '', cat3 = ''] = above ? [...above.path, ''] : [];
    this.renderForm(res, 200, {
      study,
      values: { cat1, cat2, cat3, tekstId: '', logtekst: '', colour: '' },
      problems: {},
      action: `${page(study.slug)}/codes`,
      editing: null,
    });
  }

  @Post('codes')
  async add(
    @Param('slug') slug: string,
    @Body() dto: CodeDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      const code = await this.codebook.add(slug, dto, user, req.locale);
      res.redirect(303, `${page(slug)}?done=added#code-${code.id}`);
    } catch (err) {
      await this.refused(err, slug, dto, `${page(slug)}/codes`, null, res);
    }
  }

  @Get('codes/:id/edit')
  async editCode(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    const { study, code } = await this.codebook.code(slug, id);
    const [cat1, cat2 = '', cat3 = ''] = code.path;
    const values = {
      cat1,
      cat2,
      cat3,
      tekstId: code.tekstId ?? '',
      logtekst: code.logtekst ?? '',
      colour: code.colour,
    };
    this.renderForm(res, 200, {
      study,
      values,
      problems: {},
      action: `${page(study.slug)}/codes/${id}`,
      editing: code,
    });
  }

  @Post('codes/:id')
  async edit(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CodeDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      await this.codebook.edit(slug, id, dto, user, req.locale);
      res.redirect(303, `${page(slug)}?done=saved#code-${id}`);
    } catch (err) {
      await this.refused(err, slug, dto, `${page(slug)}/codes/${id}`, id, res);
    }
  }

  @Post('codes/:id/delete')
  async remove(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (!isConfirmed(confirm)) {
      const { code, removed } = await this.codebook.removalPreview(slug, id);
      const below = removed.length - 1;
      return renderConfirmation(res, req.locale, {
        heading: { key: 'codebook.confirmDelete.heading', vars: { code: code.tekstId ?? code.path.join(' › ') } },
        consequences: [
          { key: 'codebook.confirmDelete.effect' },
          ...(below ? [{ key: 'codebook.confirmDelete.below', vars: { count: below } }] : []),
          { key: 'codebook.confirmDelete.version' },
        ],
        action: `${page(slug)}/codes/${id}/delete`,
        confirmLabel: { key: 'codebook.confirmDelete.button' },
        back: `${page(slug)}#code-${id}`,
      });
    }
    await this.codebook.remove(slug, id, user, req.locale);
    res.redirect(303, `${page(slug)}?done=deleted`);
  }

  @Get('import')
  @Render('pages/codebook/import')
  async importPage(@Param('slug') slug: string, @Req() req: Request) {
    const { study, version } = await this.codebook.codebook(slug);
    const t = (key: string) => getTranslations().t(req.locale, `codebook.import.${key}`);
    return {
      title: 'codebook.import.title',
      study,
      version,
      importTexts: Object.fromEntries(
        [
          'wouldImport',
          'imported',
          'problems',
          'warnings',
          'colLine',
          'colColumn',
          'colWhere',
          'colReason',
          'confirm',
          'failed',
        ].map((k) => [k, t(k)]),
      ),
      scripts: ['/assets/js/codebook-import.js'],
      stylesheets: ['/assets/css/forms.css', '/assets/css/codebook.css'],
    };
  }

  /** A refused code comes back in its form with the typed values and each problem next to its field. */
  private async refused(
    err: unknown,
    slug: string,
    dto: CodeInput,
    action: string,
    id: number | null,
    res: Response,
  ): Promise<void> {
    if (!(err instanceof AppError) || err.code !== 'codebook.code_invalid') throw err;
    const { study, code } =
      id === null ? { ...(await this.codebook.codebook(slug)), code: null } : await this.codebook.code(slug, id);
    const values = {
      cat1: dto.cat1 ?? '',
      cat2: dto.cat2 ?? '',
      cat3: dto.cat3 ?? '',
      tekstId: dto.tekstId ?? '',
      logtekst: dto.logtekst ?? '',
      colour: dto.colour ?? '',
    };
    this.renderForm(res, 400, {
      study,
      values,
      problems: (err.details?.fields ?? {}) as Record<string, string[]>,
      action,
      editing: code,
    });
  }

  private renderForm(
    res: Response,
    status: number,
    form: {
      study: { slug: string; title: string };
      values: Record<string, string>;
      problems: Record<string, string[]>;
      action: string;
      editing: { id?: number; builtIn: boolean; tekstId: string | null } | null;
    },
  ): void {
    res.status(status).render('pages/codebook/code-form', {
      title: form.editing ? 'codebook.form.editTitle' : 'codebook.form.addTitle',
      ...form,
      hasProblems: Object.keys(form.problems).length > 0,
      lockedTekstId: form.editing?.builtIn && form.editing.tekstId !== null,
      stylesheets: ['/assets/css/forms.css', '/assets/css/codebook.css'],
    });
  }
}
