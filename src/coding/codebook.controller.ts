import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { PageQueryDto } from '../common/paging';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CodebookService } from './codebook.service';
import { CodebookExportQueryDto, CodebookImportQueryDto, CodeDto } from './dto/codebook.dto';
import {
  codebookFile,
  CodebookUploadErrorsInterceptor,
  sendCodebookFile,
  UploadedCodebook,
} from './codebook-upload.middleware';

/** The study's codebook, for researchers (partners get 403: the codebook belongs to the analysis). */
@ApiTags('codebook')
@Controller('api/studies/:slug/codebook')
export class CodebookController {
  constructor(private readonly codebook: CodebookService) {}

  @Get()
  async show(@Param('slug') slug: string) {
    const { study, version, codes } = await this.codebook.codebook(slug);
    return {
      study: study.slug,
      version,
      codes: codes.map(({ id, guid, tekstId, path, logtekst, colour, builtIn }) => ({
        id: id ?? null,
        guid,
        tekstId,
        path,
        logtekst,
        colour,
        builtIn,
      })),
    };
  }

  @Get('history')
  history(@Param('slug') slug: string, @Query() page: PageQueryDto) {
    return this.codebook.history(slug, page);
  }

  /** CSV (the seed's layout, UTF-8 with BOM and ";"), XLSX or a REFI-QDA codebook (.qdc); audited. */
  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/xml')
  async export(
    @Param('slug') slug: string,
    @Query() q: CodebookExportQueryDto,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ) {
    sendCodebookFile(res, await this.codebook.export(slug, q.format ?? 'csv', user, 'api'));
  }

  @Post('codes')
  add(@Param('slug') slug: string, @Body() dto: CodeDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.codebook.add(slug, dto, user, req.locale);
  }

  @Put('codes/:id')
  edit(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: CodeDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.codebook.edit(slug, id, dto, user, req.locale);
  }

  @Delete('codes/:id')
  async remove(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return { removed: await this.codebook.remove(slug, id, user, req.locale) };
  }

  /** multipart/form-data (field "file"), or the file itself as the body; all or nothing, `dryRun=true` to preview. */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes(
    'multipart/form-data',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/xml',
  )
  @UseInterceptors(CodebookUploadErrorsInterceptor, FileInterceptor('file'))
  import(
    @Param('slug') slug: string,
    @Query() q: CodebookImportQueryDto,
    @UploadedFile() file: UploadedCodebook | undefined,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ) {
    return this.codebook.import(slug, codebookFile(file, req, q.fileName), { dryRun: q.dryRun }, user, req.locale);
  }
}
