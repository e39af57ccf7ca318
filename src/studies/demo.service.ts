import { Injectable } from '@nestjs/common';
import { StudiesService } from './studies.service';
import { StudyRepository } from './study.repository';
import { DEMO_STUDY, demoSlotTimes } from './demo-study';

@Injectable()
export class DemoService {
  constructor(
    private readonly studies: StudiesService,
    private readonly repository: StudyRepository,
  ) {}

  /** Creates the demo study when the database has no study at all; returns whether it did. */
  async ensureDemoStudy(now = new Date()): Promise<boolean> {
    if ((await this.repository.count()) > 0) return false;
    const study = await this.studies.create(
      { slug: DEMO_STUDY.slug, title: DEMO_STUDY.title, description: DEMO_STUDY.description, status: 'recruiting', locale: 'nl' },
      null,
      { organisations: DEMO_STUDY.organisations, isDemo: true },
    );
    await this.studies.addSlotsUnaudited(
      study,
      demoSlotTimes(now, study.sessionMinutes).map((t) => ({ ...t, onlineUrl: 'https://meet.example.org/kwadrant-demo', location: null })),
    );
    return true;
  }
}
