import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../auth/auth.decorators';
import { RateLimited } from '../auth/rate-limit.guard';
import type { AuthUser } from '../auth/auth-user';
import { ImportOptionsDto, PoolFilterDto, QuadrantOverrideDto, ScreenerSubmissionDto } from './dto/respondent.dto';
import { RespondentImportService } from './respondent-import.service';
import { RespondentsService } from './respondents.service';
import { ScreenerIntakeService } from './screener-intake.service';
import { ImportUploadErrorsInterceptor, uploadedFile, UploadedImport } from '../common/import/uploaded-file';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('respondents')
@Controller('api/studies/:slug')
export class RespondentsController {
  constructor(
    private readonly intake: ScreenerIntakeService,
    private readonly respondents: RespondentsService,
    private readonly importer: RespondentImportService,
  ) {}

  @Public()
  @RateLimited('screener-submission')
  @Post('screener')
  @HttpCode(200)
  submitScreener(@Param('slug') slug: string, @Body() dto: ScreenerSubmissionDto) {
    return this.intake.submit(slug, dto);
  }

  @Get('respondents')
  async pool(@Param('slug') slug: string, @Query() q: PoolFilterDto, @CurrentUser() user: AuthUser) {
    const { counts, organisations, respondents, total, offset, limit } = await this.respondents.pool(
      slug,
      { organisationId: q.organisation, quadrant: q.quadrant, status: q.status },
      q,
      { actor: user, via: 'api' },
    );
    return { counts, organisations, respondents, total, offset, limit };
  }

  @Patch('respondents/:id/quadrant')
  overrideQuadrant(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: QuadrantOverrideDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.respondents.overrideQuadrant(slug, id, dto, user);
  }

  /** multipart/form-data (field "file"), or the file itself as the body (text/csv, .xlsx, octet-stream). */
  @Post('respondents/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @UseInterceptors(ImportUploadErrorsInterceptor, FileInterceptor('file'))
  import(
    @Param('slug') slug: string,
    @Query() opts: ImportOptionsDto,
    @UploadedFile() file: UploadedImport | undefined,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ) {
    return this.importer.import(slug, uploadedFile(file, req, opts.fileName), opts, user, req.locale);
  }
}
