import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { UpdateStudyDto } from '../studies/dto/study.dto';
import { StudyClosingService } from './study-closing.service';

/** A study's settings, its status among them: closing or reopening a study concerns mail and homework too. */
@ApiTags('studies')
@Controller('api/studies')
export class StudySettingsController {
  constructor(private readonly closing: StudyClosingService) {}

  @Patch(':slug')
  update(@Param('slug') slug: string, @Body() dto: UpdateStudyDto, @CurrentUser() user: AuthUser) {
    return this.closing.update(slug, dto, user);
  }
}
