import { Module } from '@nestjs/common';
import { CodingModule } from '../coding/coding.module';
import { CodingQueryService } from '../coding/coding-query.service';
import { HomeworkModule } from '../homework/homework.module';
import { HomeworkQueryService } from '../homework/homework-query.service';
import { OverviewsModule } from '../overviews/overviews.module';
import { JOURNEY_SOURCES, type JourneySources } from './journey-sources';
import { JourneysController } from './journeys.controller';
import { JourneysPagesController } from './journeys.pages.controller';
import { JourneysService } from './journeys.service';

/** The journey report: the sent homework and its final coding, counted per organisation × quadrant × step. */
@Module({
  imports: [OverviewsModule, HomeworkModule, CodingModule],
  providers: [
    JourneysService,
    {
      provide: JOURNEY_SOURCES,
      inject: [HomeworkQueryService, CodingQueryService],
      useFactory: (homeworks: HomeworkQueryService, coding: CodingQueryService): JourneySources => ({
        read: async (studyId) => {
          const sent = await homeworks.sentOutlinesOfStudy(studyId);
          const codings = await coding.finalCodingsToCount(studyId, sent);
          return { homework: sent, codings };
        },
      }),
    },
  ],
  controllers: [JourneysController, JourneysPagesController],
  exports: [JourneysService],
})
export class JourneysModule {}
