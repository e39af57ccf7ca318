import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { ModeratorsService } from './moderators.service';

/** A moderator's private calendar feed: the token in the URL is the only key, so calendar apps can subscribe. */
@Controller('ical')
export class CalendarFeedController {
  constructor(private readonly moderators: ModeratorsService) {}

  @Public()
  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response) {
    const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
    if (!match)
      throw new AppError(
        'not_found',
        'moderator.feed_invalid',
        'This calendar link is not valid. Make a new link on your moderator page.',
      );
    const body = await this.moderators.feed(match[1]);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.send(body);
  }
}
