import { Body, Controller, Get, Param, Post, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { attendanceFromForm } from './attendance-form';
import { AttendanceService } from './attendance.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const path = (slug: string, id: number) => `/studies/${encodeURIComponent(slug)}/sessions/${id}/attendance`;

@Controller('studies/:slug/sessions/:id/attendance')
export class AttendancePagesController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @Render('pages/scheduling/attendance')
  page(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Req() req: Request) {
    return this.view(slug, id, req);
  }

  /** One radio group per member (mark-<id>); a refusal shows the page again with the choices as they were made. */
  @Post()
  @PageAction()
  @OnRefusal<AttendancePagesController>({
    view: 'pages/scheduling/attendance',
    model: (c, req) => c.view(String(req.params.slug), Number(req.params.id), req),
    form: { name: 'attendance', fields: {} },
  })
  async save(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthUser,
  ) {
    const form = attendanceFromForm(body ?? {});
    if (form.invalid.length)
      throw AppError.invalid(
        'attendance.form',
        `Choose present or absent for: ${form.invalid.join(', ')}.`,
        undefined,
        { names: form.invalid.join(', ') },
      );
    await this.attendance.mark(id, form, user, slug);
    return seeOther(path(slug, id), 'attendance.done.saved');
  }

  async view(slug: string, id: number, req: Request) {
    const sheet = await this.attendance.sheet(slug, id, req.locale);
    return {
      title: 'attendance.title',
      ...sheet,
      members: sheet.members.map((m) => ({ ...m, statusLabel: `respondentStatus.${m.status}` })),
      canMark: sheet.held && !sheet.cancelled && sheet.study.status !== 'closed',
      stylesheets: ['/assets/css/scheduling.css', '/assets/css/forms.css'],
    };
  }
}
