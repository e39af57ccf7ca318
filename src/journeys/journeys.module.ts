import { Module } from '@nestjs/common';
import { CodingModule } from '../coding/coding.module';
import { OverviewsModule } from '../overviews/overviews.module';
import { JOURNEY_SOURCES, type JourneySources } from './journey-sources';
import { JourneysController } from './journeys.controller';
import { JourneysPagesController } from './journeys.pages.controller';
import { JourneysService } from './journeys.service';

/** The journey report: the sent homework and its final coding, counted per organisation × quadrant × step. */
@Module({
  imports: [OverviewsModule, CodingModule],
  providers: [
    JourneysService,
    {
      provide: JOURNEY_SOURCES,
      useFactory: (): JourneySources => ({
        submittedHomework: () => Promise.resolve([]),
        finalCodings: () => Promise.resolve([]),
      }),
    },
  ],
  controllers: [JourneysController, JourneysPagesController],
  exports: [JourneysService],
})
export class JourneysModule {}
