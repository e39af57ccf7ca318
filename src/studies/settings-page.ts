import type { Locale } from '../common/domain';
import { formatSlot } from '../common/format';
import { LOGO_MAX_BYTES } from './research-organisation';
import type { ResearchOrganisationService } from './research-organisation.service';
import type { StudiesService } from './studies.service';
import { STUDY_STATUSES } from './study';
import { slotModeOf } from './study-rules';

/**
 * The settings page's view model (`/studies/:slug/settings`): shown by the studies pages, and again by study-flow's
 * when saving the settings (which may close the study) is refused.
 */
export async function settingsPageModel(
  studies: StudiesService,
  researchOrganisation: ResearchOrganisationService,
  slug: string,
  locale: Locale,
) {
  const detail = await studies.detail(slug);
  return {
    pageTitle: detail.study.title,
    stylesheets: ['/assets/css/forms.css'],
    ...detail,
    statuses: STUDY_STATUSES.map((s) => ({ value: s, selected: s === detail.study.status })),
    slots: detail.slots.map((s) => ({
      ...s,
      label: formatSlot(s.startsAt, s.endsAt, locale),
      inPerson: slotModeOf(s) === 'in_person',
    })),
    behindPreview: await researchOrganisation.view(detail.study),
    logoMaxKb: LOGO_MAX_BYTES / 1000,
    scripts: ['/assets/js/study-logo.js'],
  };
}
