import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AgreementService } from './agreement.service';
import { SettleDto } from './dto/agreement.dto';

/** Double coding for researchers: agreement per code and overall, the disagreements, and settling them. */
@ApiTags('coding')
@Controller('api/studies/:slug/coding/agreement')
export class AgreementController {
  constructor(private readonly agreement: AgreementService) {}

  @Get()
  show(@Param('slug') slug: string) {
    return this.agreement.agreement(slug);
  }

  /** Writes the answer's final coding: the chosen codes with the spans of the first coder who applied each. */
  @Post('settle')
  @HttpCode(200)
  async settle(@Param('slug') slug: string, @Body() dto: SettleDto, @CurrentUser() user: AuthUser) {
    const saved = await this.agreement.settle(slug, dto, dto.codes ?? [], user);
    return { settled: saved.length };
  }
}
