import { Injectable } from '@nestjs/common';
import { StudiesService } from './studies.service';
import { StudyRepository } from './study.repository';
import { DEMO_STUDY, demoSlotTimes } from './demo-study';
import { demoRespondents } from './demo-respondents';
import { Respondent } from '../respondents/respondent.entity';

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
      {
        slug: DEMO_STUDY.slug,
        title: DEMO_STUDY.title,
        description: DEMO_STUDY.description,
        status: 'recruiting',
        locale: 'nl',
        researchOrganisation: DEMO_STUDY.researchOrganisation,
        privacyUrl: DEMO_STUDY.privacyUrl,
        helpPhone: DEMO_STUDY.helpPhone,
        helpEmail: DEMO_STUDY.helpEmail,
        returnAddress: DEMO_STUDY.returnAddress,
      },
      null,
      { organisations: DEMO_STUDY.organisations, isDemo: true },
    );
    await this.studies.addSlotsUnaudited(
      study,
      demoSlotTimes(now, study.sessionMinutes).map((t) => ({ ...t, onlineUrl: 'https://meet.example.org/kwadrant-demo', location: null })),
    );
    return true;
  }

  /** Adds made-up respondents (source "demo") to a study, four per organisation × quadrant. */
  async addDemoRespondents(slug: string, perBucket = 4): Promise<number> {
    const { study, organisations } = await this.studies.detail(slug);
    const byName = new Map(organisations.map((o) => [o.organisation.name, o.organisationId]));
    const people = demoRespondents([...byName.keys()], perBucket);
    const now = Date.now();
    await this.repository.transaction(async (manager) => {
      await manager.getRepository(Respondent).save(
        people.map(({ organisation, ...p }, i) =>
          manager.getRepository(Respondent).create({
            ...p,
            studyId: study.id,
            organisationId: byName.get(organisation)!,
            status: 'eligible',
            source: 'demo',
            availability: null,
            screenedAt: new Date(now - (people.length - i) * 60_000),
          }),
        ),
        { chunk: 100 },
      );
    });
    return people.length;
  }
}
