import { Module } from '@nestjs/common';
import { RespondentsModule } from '../respondents/respondents.module';
import { StudiesModule } from '../studies/studies.module';
import { OverviewsController } from './overviews.controller';
import { OverviewsPagesController } from './overviews.pages.controller';
import { OverviewsService } from './overviews.service';
import { PartnerPagesController } from './partner.pages.controller';

@Module({
  imports: [StudiesModule, RespondentsModule],
  providers: [OverviewsService],
  controllers: [OverviewsController, OverviewsPagesController, PartnerPagesController],
  exports: [OverviewsService],
})
export class OverviewsModule {}
