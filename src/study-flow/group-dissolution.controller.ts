import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { GroupDissolutionService } from './group-dissolution.service';

/** Dissolving a group through the API: here, above groups, because it asks scheduling first. */
@ApiTags('groups')
@Controller('api/groups')
export class GroupDissolutionController {
  constructor(private readonly dissolution: GroupDissolutionService) {}

  @Post(':id/dissolve')
  @HttpCode(200)
  dissolve(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.dissolution.dissolve(id, user);
  }
}
