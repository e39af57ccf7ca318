import type { FormSpec } from '../common/form-refusal';

// The forms of the studies pages: each field's label (a locale key) and the id of its input, so a refused form
// names and links every problem (form-refusal.ts). Ids are those of templates/pages/studies/*.hbs.

export const NEW_STUDY_FORM: FormSpec = {
  name: 'new-study',
  fields: { title: { label: 'studies.titleCol', id: 'new-title' }, slug: { label: 'studies.slug', id: 'new-slug' } },
};

const SETTINGS = [
  'groupTargetSize',
  'groupMinSize',
  'groupMaxSize',
  'groupsPerQuadrant',
  'reservesPerGroup',
  'homeworkLeadDays',
  'sessionMinutes',
  'partnerMinCount',
];

export const STUDY_FORM: FormSpec = {
  name: 'study',
  fields: {
    title: { label: 'studies.titleCol', id: 'title' },
    description: { label: 'study.description', id: 'description' },
    status: { label: 'studies.status', id: 'status' },
    locale: { label: 'study.locale', id: 'locale' },
    ...Object.fromEntries(SETTINGS.map((f) => [f, { label: `study.${f}`, id: f }])),
    helpPhone: { label: 'study.helpPhone', id: 'helpPhone' },
    returnAddress: { label: 'study.returnAddress', id: 'returnAddress' },
    researchOrganisation: { label: 'study.researchOrganisation', id: 'researchOrganisation' },
    privacyUrl: { label: 'study.privacyUrl', id: 'privacyUrl' },
    helpEmail: { label: 'study.helpEmail', id: 'helpEmail' },
  },
};

export const LOGO_FORM: FormSpec = { name: 'logo', fields: { logo: { label: 'study.logoFile', id: 'logo-file' } } };

const contactFields = (prefix: string) => ({
  contactName: { label: 'study.contactName', id: `${prefix}-contact` },
  contactEmail: { label: 'study.contactEmail', id: `${prefix}-email` },
  contactPhone: { label: 'study.contactPhone', id: `${prefix}-phone` },
});

export const NEW_ORGANISATION_FORM: FormSpec = {
  name: 'new-organisation',
  fields: { name: { label: 'study.orgName', id: 'org-name' }, ...contactFields('org') },
};

/** One per partner row: `{id}` is the row's id from the route. */
export const ORGANISATION_FORM: FormSpec = { name: 'organisation-{id}', fields: contactFields('org-{id}') };

export const SLOT_FORM: FormSpec = {
  name: 'slot',
  fields: {
    mode: { label: 'slotField.mode', id: 'slot-mode-online' },
    date: { label: 'slotField.date', id: 'slot-date' },
    startTime: { label: 'slotField.startTime', id: 'slot-start' },
    endTime: { label: 'slotField.endTime', id: 'slot-end' },
    start: { label: 'slotField.start', id: 'slot-start' },
    end: { label: 'slotField.end', id: 'slot-end' },
    onlineUrl: { label: 'slotField.onlineUrl', id: 'slot-url' },
    location: { label: 'slotField.location', id: 'slot-location' },
  },
};
