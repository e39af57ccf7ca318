import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { StudiesService } from '../studies/studies.service';
import { CodingQueryService } from './coding-query.service';
import { CodingService } from './coding.service';
import { ApplyCodingDto, MemoDto, SettleDto, ShareableDto } from './dto/coding.dto';
import { CodingWorkspaceService } from './coding-workspace.service';

/**
 * Codings of the study's homework, for researchers (partners get 403). A coder reads and changes only their own
 * layer (blind to other coders); the final layer is the study's.
 */
@ApiTags('coding')
@Controller('api/studies/:slug/codings')
export class CodingsController {
  constructor(
    private readonly studies: StudiesService,
    private readonly codings: CodingService,
    private readonly query: CodingQueryService,
    private readonly workspace: CodingWorkspaceService,
  ) {}

  /** The workspace: respondents (pseudonym, organisation, quadrant, answers), the codebook, and the coder's codings. */
  @Get()
  async show(@Param('slug') slug: string, @CurrentUser() user: AuthUser, @Req() req: Request) {
    const study = await this.studies.get(slug);
    return this.workspace.of(study.id, study.slug, user.id, req.locale);
  }

  /** The final coding of every answer that has one. */
  @Get('final')
  async final(@Param('slug') slug: string) {
    const study = await this.studies.get(slug);
    return this.query.finalCodings(study.id);
  }

  @Get('unsettled')
  async unsettled(@Param('slug') slug: string) {
    const study = await this.studies.get(slug);
    return this.query.unsettled(study.id);
  }

  @Post()
  async apply(@Param('slug') slug: string, @Body() dto: ApplyCodingDto, @CurrentUser() user: AuthUser) {
    const study = await this.studies.get(slug);
    const coding = await this.codings.apply({ ...dto, studyId: study.id, coderId: user.id }, user);
    return this.workspace.codingOut(coding);
  }

  @Put('final')
  async settle(@Param('slug') slug: string, @Body() dto: SettleDto, @CurrentUser() user: AuthUser) {
    const study = await this.studies.get(slug);
    const saved = await this.codings.settle(
      { studyId: study.id, assignmentId: dto.assignmentId, question: dto.question },
      dto.codings,
      user,
    );
    return saved.map((c) => this.workspace.codingOut(c));
  }

  @Put(':id/memo')
  async memo(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: MemoDto,
    @CurrentUser() user: AuthUser,
  ) {
    const study = await this.studies.get(slug);
    return this.workspace.codingOut(await this.codings.setMemo(id, dto.memo, user, study.id));
  }

  @Put(':id/shareable')
  async shareable(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ShareableDto,
    @CurrentUser() user: AuthUser,
  ) {
    const study = await this.studies.get(slug);
    return this.workspace.codingOut(await this.codings.setShareable(id, dto.shareable, user, study.id));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    const study = await this.studies.get(slug);
    await this.codings.remove(id, user, study.id);
  }
}
