import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AttendanceService } from './attendance.service';
import { AttendanceDto } from './dto/attendance.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('scheduling')
@Controller('api')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('sessions/:id/attendance')
  @HttpCode(200)
  mark(@Param('id', ParseIdPipe) id: number, @Body() dto: AttendanceDto, @CurrentUser() user: AuthUser) {
    return this.attendance.mark(id, { present: dto.present ?? [], absent: dto.absent ?? [] }, user);
  }
}
