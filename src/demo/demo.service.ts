import { Injectable } from '@nestjs/common';
import { RespondentsService } from '../respondents/respondents.service';
import { StudiesService } from '../studies/studies.service';
import { DEMO_STUDY, demoSlotTimes } from './demo-study';
import { demoRespondents } from './demo-respondents';

/** The demo study and its made-up respondents: it coordinates studies and respondents, so it sits above both. */
@Injectable()
export class DemoService {
  constructor(
    private readonly studies: StudiesService,
    private readonly respondents: RespondentsService,
  ) {}

  /** Creates the demo study when the database has no study at all; returns whether it did. */
  async ensureDemoStudy(now = new Date()): Promise<boolean> {
    if (await this.studies.any()) return false;
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
      demoSlotTimes(now, study.sessionMinutes).map((t) => ({
        ...t,
        onlineUrl: 'https://meet.example.org/kwadrant-demo',
        location: null,
      })),
    );
    return true;
  }

  /** Adds made-up respondents (source "demo") to a study, four per organisation × quadrant. */
  async addDemoRespondents(slug: string, perBucket = 4): Promise<number> {
    const { study, organisations } = await this.studies.detail(slug);
    const byName = new Map(organisations.map((o) => [o.organisation.name, o.organisationId]));
    const people = demoRespondents([...byName.keys()], perBucket).map(({ organisation, ...person }) => ({
      ...person,
      organisationId: byName.get(organisation)!,
    }));
    await this.respondents.addMadeUp(study.id, people);
    return people.length;
  }
}
