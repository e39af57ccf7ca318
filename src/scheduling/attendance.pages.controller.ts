import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { statusForKind } from '../common/http-status';
import { attendanceFromForm } from './attendance-form';
import { AttendanceService, MarkValue } from './attendance.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const path = (slug: string, id: number) => `/studies/${encodeURIComponent(slug)}/sessions/${id}/attendance`;

@Controller('studies/:slug/sessions/:id/attendance')
export class AttendancePagesController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  async page(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Query('done') done: string | undefined, @Req() req: Request, @Res() res: Response) {
    res.render('pages/scheduling/attendance', await this.view(slug, id, req, { saved: done === 'saved' }));
  }

  /** One radio group per member (mark-<id>); a refusal shows the page again with the choices as they were made. */
  @Post()
  async save(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body() body: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    const form = attendanceFromForm(body ?? {});
    try {
      if (form.invalid.length) throw AppError.invalid('attendance.form', `Choose present or absent for: ${form.invalid.join(', ')}.`, undefined, { names: form.invalid.join(', ') });
      await this.attendance.mark(id, form, user, slug);
    } catch (err) {
      if (!(err instanceof AppError) || !err.code.startsWith('attendance.')) throw err;
      const typed = new Map<number, MarkValue>([...form.present.map((r) => [r, 'present'] as const), ...form.absent.map((r) => [r, 'absent'] as const)]);
      const view = await this.view(slug, id, req, { refusal: `attendance.refusal.${err.code.slice('attendance.'.length)}` });
      view.members = view.members.map((m) => ({ ...m, mark: typed.get(m.respondentId) ?? m.mark }));
      return res.status(statusForKind(err.kind)).render('pages/scheduling/attendance', view);
    }
    res.redirect(303, `${path(slug, id)}?done=saved`);
  }

  private async view(slug: string, id: number, req: Request, extra: { saved?: boolean; refusal?: string }) {
    const sheet = await this.attendance.sheet(slug, id, req.locale);
    return {
      title: 'attendance.title',
      ...sheet,
      members: sheet.members.map((m) => ({ ...m, statusLabel: `respondentStatus.${m.status}` })),
      canMark: sheet.held && !sheet.cancelled && sheet.study.status !== 'closed',
      saved: extra.saved ?? false,
      refusal: extra.refusal ?? null,
      stylesheets: ['/assets/css/scheduling.css'],
    };
  }
}
