import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ResearchOrganisationService } from './research-organisation.service';

/** The research organisation's logo, public: respondents' pages and e-mails show it. */
@Controller('s')
export class StudyLogoController {
  constructor(private readonly researchOrganisation: ResearchOrganisationService) {}

  @Public()
  @Get(':slug/logo')
  async logo(@Param('slug') slug: string, @Res() res: Response) {
    const logo = await this.researchOrganisation.logo(slug);
    // Only checked PNG and JPEG bytes are stored; nosniff keeps a browser from reading them as anything else.
    res.setHeader('Content-Type', logo.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // The pages ask for ?v=<last change>, so a new logo shows at once; an hour saves repeated downloads.
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.send(logo.bytes);
  }
}
