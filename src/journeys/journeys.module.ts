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
      useFactory: (homework: HomeworkQueryService, coding: CodingQueryService): JourneySources => ({
        submittedHomework: async (studyId) =>
          (await homework.submittedOfStudy(studyId)).map((h) => ({ respondentId: h.respondentId, answers: h.answers })),
        finalCodings: async (studyId) =>
          (await coding.finalCodingsToCount(studyId)).map((c) => ({
            respondentId: c.respondentId,
            question: c.question,
            start: c.start,
            end: c.end,
            text: c.text,
            tekstIds: c.codes.flatMap((code) => (code.tekstId ? [code.tekstId] : [])),
            shareable: c.shareable,
          })),
      }),
    },
  ],
  controllers: [JourneysController, JourneysPagesController],
  exports: [JourneysService],
})
export class JourneysModule {}
