import { Controller, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ImportUploadErrorsInterceptor, uploadedFile, UploadedImport } from '../common/import/uploaded-file';
import { HomeworkImportOptionsDto } from './dto/homework.dto';
import { HomeworkImportService } from './homework-import.service';

@ApiTags('homework')
@Controller('api/studies/:slug/homework')
export class HomeworkImportController {
  constructor(private readonly importer: HomeworkImportService) {}

  /** multipart/form-data (field "file"), or the file itself as the body (text/csv, .xlsx, octet-stream). */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @UseInterceptors(ImportUploadErrorsInterceptor, FileInterceptor('file'))
  import(
    @Param('slug') slug: string,
    @Query() opts: HomeworkImportOptionsDto,
    @UploadedFile() file: UploadedImport | undefined,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ) {
    return this.importer.import(slug, uploadedFile(file, req, opts.fileName), opts, user, req.locale);
  }
}
