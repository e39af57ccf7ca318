import { Body, Controller, Get, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { AppError } from '../common/app-error';
import { unlessConfirmed } from '../common/confirmation';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { getTranslations } from '../common/view-engine';
import { CodebookService, CodeInput } from './codebook.service';
import { changeLine, codeTree } from './codebook-view';
import { CODEBOOK_FORMATS } from './codebook-versions';
import { CodeDto } from './dto/codebook.dto';

const page = (slug: string) => `/studies/${slug}/codebook`;
/** The code form's fields in their order on the page: field, label key, input id. */
const CODE_FIELDS: [keyof CodeInput, string, string][] = [
  ['cat1', 'codebook.field.cat1', 'code-cat1'],
  ['cat2', 'codebook.field.cat2', 'code-cat2'],
  ['cat3', 'codebook.field.cat3', 'code-cat3'],
  ['tekstId', 'codebook.field.tekstId', 'code-tekst-id'],
  ['logtekst', 'codebook.field.logtekst', 'code-logtekst'],
  ['colour', 'codebook.field.colour', 'code-colour'],
];

/** A refused code comes back in its form (400) with the typed values and each problem next to its field. */
const showsCodeForm = () =>
  OnRefusal<CodebookPagesController>({
    view: 'pages/codebook/code-form',
    kinds: ['invalid'],
    when: (err) => err.code === 'codebook.code_invalid',
    model: (c, req, err) => c.refusedForm(req, err),
  });

/** Researchers: the study's codebook as a tree, its editor, its import and its downloads. */
@Controller('studies/:slug/codebook')
export class CodebookPagesController {
  constructor(private readonly codebook: CodebookService) {}

  @Get()
  @Render('pages/codebook/show')
  async show(@Param('slug') slug: string, @Req() req: Request) {
    const [{ study, version, codes }, history] = await Promise.all([
      this.codebook.codebook(slug),
      this.codebook.history(slug, { offset: 0, limit: 10 }),
    ]);
    const i18n = getTranslations();
    return {
      title: 'codebook.page.title',
      study,
      version,
      tree: codeTree(codes),
      codeCount: codes.filter((c) => c.tekstId !== null).length,
      downloads: CODEBOOK_FORMATS.map((format) => ({
        format,
        href: `/api/studies/${study.slug}/codebook/export?format=${format}`,
      })),
      history: history.items.map((v) => {
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
  @Render('pages/codebook/code-form')
  async newCode(@Param('slug') slug: string, @Query('parent') parent: string | undefined) {
    const { study, codes } = await this.codebook.codebook(slug);
    const above = parent ? codes.find((c) => String(c.id) === parent) : undefined;
    const [cat1 = '', cat2 = '', cat3 = ''] = above ? [...above.path, ''] : [];
    return this.formModel({
      study,
      values: { cat1, cat2, cat3, tekstId: '', logtekst: '', colour: '' },
      problems: {},
      action: `${page(study.slug)}/codes`,
      editing: null,
    });
  }

  @Post('codes')
  @PageAction()
  @showsCodeForm()
  async add(@Param('slug') slug: string, @Body() dto: CodeDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    const code = await this.codebook.add(slug, dto, user, req.locale);
    return seeOther(`${page(slug)}#code-${code.id}`, 'codebook.page.done.added');
  }

  @Get('codes/:id/edit')
  @Render('pages/codebook/code-form')
  async editCode(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number) {
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
    return this.formModel({
      study,
      values,
      problems: {},
      action: `${page(study.slug)}/codes/${id}`,
      editing: code,
    });
  }

  @Post('codes/:id')
  @PageAction()
  @showsCodeForm()
  async edit(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CodeDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await this.codebook.edit(slug, id, dto, user, req.locale);
    return seeOther(`${page(slug)}#code-${id}`, 'codebook.page.done.saved');
  }

  @Post('codes/:id/delete')
  @PageAction()
  async remove(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await unlessConfirmed(confirm, async () => {
      const { code, removed } = await this.codebook.removalPreview(slug, id);
      const below = removed.length - 1;
      return {
        heading: { key: 'codebook.confirmDelete.heading', vars: { code: code.tekstId ?? code.path.join(' › ') } },
        consequences: [
          { key: 'codebook.confirmDelete.effect' },
          ...(below ? [{ key: 'codebook.confirmDelete.below', vars: { count: below } }] : []),
          { key: 'codebook.confirmDelete.version' },
        ],
        action: `${page(slug)}/codes/${id}/delete`,
        confirmLabel: { key: 'codebook.confirmDelete.button' },
        back: `${page(slug)}#code-${id}`,
      };
    });
    await this.codebook.remove(slug, id, user, req.locale);
    return seeOther(page(slug), 'codebook.page.done.deleted');
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
      scripts: ['/assets/js/file-report.js', '/assets/js/codebook-import.js'],
      stylesheets: ['/assets/css/forms.css', '/assets/css/codebook.css'],
    };
  }

  /** The code form again with what was typed (a new code, or the code of the route's id) and the refusal's problems. */
  async refusedForm(req: Request, err: AppError) {
    const slug = String(req.params.slug);
    const id = req.params.id === undefined ? null : Number(req.params.id);
    const dto = (req.body ?? {}) as Partial<Record<keyof CodeInput, unknown>>;
    const { study, code } =
      id === null ? { ...(await this.codebook.codebook(slug)), code: null } : await this.codebook.code(slug, id);
    const typed = (field: keyof CodeInput) => (typeof dto[field] === 'string' ? dto[field] : '');
    const problems = (err.details?.fields ?? {}) as Record<string, string[]>;
    return this.formModel({
      study,
      values: {
        cat1: typed('cat1'),
        cat2: typed('cat2'),
        cat3: typed('cat3'),
        tekstId: typed('tekstId'),
        logtekst: typed('logtekst'),
        colour: typed('colour'),
      },
      problems,
      action: id === null ? `${page(slug)}/codes` : `${page(slug)}/codes/${id}`,
      editing: code,
      // The linked summary above the form that every refused page form has (partials/form-problems.hbs).
      summary: CODE_FIELDS.filter(([field]) => problems[field]?.length).map(([field, label, inputId]) => ({
        href: `#${inputId}`,
        label: getTranslations().t(req.locale, label),
        text: problems[field].join(' '),
      })),
    });
  }

  private formModel({
    summary,
    ...form
  }: {
    study: { slug: string; title: string };
    values: Record<string, string>;
    problems: Record<string, string[]>;
    action: string;
    editing: { id?: number; builtIn: boolean; tekstId: string | null } | null;
    summary?: { href: string; label: string; text: string }[];
  }) {
    return {
      title: form.editing ? 'codebook.form.editTitle' : 'codebook.form.addTitle',
      ...form,
      // `form` marks a refused form for the layout, which then moves the focus to the summary.
      ...(summary ? { form: { name: 'code', values: form.values, problems: form.problems, summary } } : {}),
      lockedTekstId: form.editing?.builtIn && form.editing.tekstId !== null,
      stylesheets: ['/assets/css/forms.css', '/assets/css/codebook.css'],
    };
  }
}
