import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { SlotRemovalService } from './slot-removal.service';

/** Deleting a session slot through the API: here, above studies, because it asks scheduling first. */
@ApiTags('studies')
@Controller('api/studies')
export class SlotRemovalController {
  constructor(private readonly slots: SlotRemovalService) {}

  @Delete(':slug/slots/:id')
  @HttpCode(204)
  remove(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.slots.remove(slug, id, user);
  }
}
