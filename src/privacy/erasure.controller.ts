import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ErasureService } from './erasure.service';

@ApiTags('respondents')
@Controller('api/studies/:slug')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post('respondents/:id/erase')
  @HttpCode(200)
  erase(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.erasure.erase(slug, id, user);
  }
}
