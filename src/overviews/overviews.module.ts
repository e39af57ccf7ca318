import { Module } from '@nestjs/common';
import { StudiesModule } from '../studies/studies.module';
import { OverviewRepository } from './overview.repository';
import { OverviewsController } from './overviews.controller';
import { OverviewsPagesController } from './overviews.pages.controller';
import { OverviewsService } from './overviews.service';
import { PartnerPagesController } from './partner.pages.controller';

@Module({
  imports: [StudiesModule],
  providers: [OverviewsService, OverviewRepository],
  controllers: [OverviewsController, OverviewsPagesController, PartnerPagesController],
  exports: [OverviewsService],
})
export class OverviewsModule {}
