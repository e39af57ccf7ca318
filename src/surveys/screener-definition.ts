// The public screener as SurveyJS JSON (issue "Screener"). Pure: no framework imports.
// Strings are `{ default: Dutch, en: English }` (survey-texts.ts).
// Every word comes from the message catalogue (screenerForm.*), through the two translators the caller passes.
import { DIGITAL_COMFORTS, EDUCATIONS, Education, Quadrant, QUADRANTS } from '../common/domain';
import { selectionStatement } from './selection-question';
import { both, escapeHtml, localised, type LocalisedText, type SurveyTexts } from './survey-texts';

/** A statement of Bijlage 6 with SurveyJS text processing for the organisation: it shows the one chosen. */
export const selectionStatementText = (t: SurveyTexts, quadrant: Quadrant): LocalisedText =>
  localised(selectionStatement(t.nl, quadrant, '{organisation}'), selectionStatement(t.en, quadrant, '{organisation}'));

/** Plain-language labels for respondents; the labels of Bijlage 5 are education.* in the catalogue. */
const educationChoiceTexts = (t: SurveyTexts): Record<Education, LocalisedText> => ({
  basisonderwijs: both(t, 'screenerForm.education.basisonderwijs'),
  'vmbo-mavo-lbo': both(t, 'screenerForm.education.vmbo-mavo-lbo'),
  'havo-vwo': both(t, 'screenerForm.education.havo-vwo'),
  mbo: both(t, 'screenerForm.education.mbo'),
  hbo: both(t, 'screenerForm.education.hbo'),
  wo: both(t, 'screenerForm.education.wo'),
});

/** Version of the consent text below; raise it whenever that text changes, so stored consents say what was agreed to. */
export const CONSENT_TEXT_VERSION = '2026-12';

/** Screener questions whose answers are personal data: removed from the raw answers on erasure. */
export const SCREENER_PERSONAL_FIELDS = ['firstName', 'email', 'phone', 'contactPreference'] as const;

/** Questions the intake maps onto a respondent: a custom screener definition must keep them. */
export const SCREENER_REQUIRED_QUESTIONS = [
  'consent',
  'firstName',
  'email',
  'gender',
  'age',
  'education',
  'digitalComfort',
  'organisation',
  'contactWhen',
  'selection',
  'availability',
] as const;

export const CONTACT_WHEN = ['within-6-months', 'longer-ago'] as const;
export const NONE_VALUE = 'none';

export interface ScreenerInput {
  studyTitle: string;
  organisations: { id: number; name: string }[];
  /** A slot with a location is held there in person; the others are online. */
  slots: { id: number; label: { nl: string; en: string }; location?: string | null }[];
  consentVersion: string;
  helpPhone?: string;
}

const HAS_ORGANISATION = `{organisation} notempty and {organisation} <> '${NONE_VALUE}'`;
const ELIGIBLE = `${HAS_ORGANISATION} and {contactWhen} = 'within-6-months'`;
const INELIGIBLE = `{organisation} = '${NONE_VALUE}' or {contactWhen} = 'longer-ago'`;

const allOnline = (input: ScreenerInput): boolean => input.slots.every((s) => !s.location);

/** A moment as the respondent chooses it: where it is held, when the study has sessions in person too. */
function slotText(t: SurveyTexts, slot: ScreenerInput['slots'][number], allOnlineSlots: boolean): LocalisedText {
  if (allOnlineSlots) return localised(slot.label.nl, slot.label.en);
  const key = slot.location ? 'screenerForm.slot.inPerson' : 'screenerForm.slot.online';
  return localised(
    t.nl(key, { label: slot.label.nl, location: slot.location }),
    t.en(key, { label: slot.label.en, location: slot.location }),
  );
}

/** HTML from the catalogue: the values put into it are escaped, the catalogue's own markup is kept. */
function html(t: SurveyTexts, key: string, vars: Record<string, string> = {}): LocalisedText {
  const escaped = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, escapeHtml(v)]));
  return both(t, key, escaped);
}

function helpLine(t: SurveyTexts, helpPhone: string | undefined): LocalisedText {
  return helpPhone ? html(t, 'screenerForm.help', { phone: helpPhone }) : localised('', '');
}

const join = (...parts: LocalisedText[]): LocalisedText =>
  localised(parts.map((p) => p.default).join(''), parts.map((p) => p.en).join(''));

// No help line here: the page names the helpline above the form on every screen, and the first screen said it twice.
function introHtml(t: SurveyTexts, input: ScreenerInput): LocalisedText {
  return html(t, allOnline(input) ? 'screenerForm.intro.online' : 'screenerForm.intro');
}

function consentHtml(t: SurveyTexts, input: ScreenerInput): LocalisedText {
  return html(t, 'screenerForm.consent.text', {
    organisations: input.organisations.map((o) => o.name).join(', '),
    version: input.consentVersion,
  });
}

function ineligibleHtml(t: SurveyTexts, helpPhone: string | undefined): LocalisedText {
  return join(html(t, 'screenerForm.ineligible'), helpLine(t, helpPhone));
}

function pageIntro(t: SurveyTexts, input: ScreenerInput) {
  return {
    name: 'intro',
    title: both(t, 'screenerForm.intro.title'),
    elements: [
      { type: 'html', name: 'introText', html: introHtml(t, input) },
      { type: 'html', name: 'consentText', html: consentHtml(t, input) },
      {
        type: 'boolean',
        name: 'consent',
        title: both(t, 'screenerForm.consent.title'),
        labelTrue: both(t, 'screenerForm.consent.yes'),
        labelFalse: both(t, 'screenerForm.consent.no'),
        isRequired: true,
        validators: [
          {
            type: 'expression',
            expression: '{consent} = true',
            text: both(t, 'screenerForm.consent.required'),
          },
        ],
      },
    ],
  };
}

function pageContactDetails(t: SurveyTexts) {
  return {
    name: 'contactDetails',
    visibleIf: ELIGIBLE,
    title: both(t, 'screenerForm.contactDetails.title'),
    elements: [
      {
        type: 'text',
        name: 'firstName',
        title: both(t, 'screenerForm.firstName.title'),
        isRequired: true,
        maxLength: 200,
        autocomplete: 'given-name',
      },
      {
        type: 'text',
        name: 'email',
        inputType: 'email',
        title: both(t, 'screenerForm.email.title'),
        isRequired: true,
        maxLength: 254,
        autocomplete: 'email',
        validators: [{ type: 'email', text: both(t, 'screenerForm.email.invalid') }],
      },
      {
        type: 'text',
        name: 'phone',
        inputType: 'tel',
        title: both(t, 'screenerForm.phone.title'),
        requiredIf: "{contactPreference} = 'phone'",
        maxLength: 30,
        autocomplete: 'tel',
        validators: [
          {
            type: 'regex',
            regex: '^\\+?[0-9 ()-]{8,30}$',
            text: both(t, 'screenerForm.phone.invalid'),
          },
        ],
      },
      {
        type: 'radiogroup',
        name: 'contactPreference',
        title: both(t, 'screenerForm.contactPreference.title'),
        isRequired: true,
        choices: [
          { value: 'email', text: both(t, 'screenerForm.contactPreference.email') },
          { value: 'phone', text: both(t, 'screenerForm.contactPreference.phone') },
        ],
      },
    ],
  };
}

function pageAboutYou(t: SurveyTexts) {
  return {
    name: 'aboutYou',
    visibleIf: ELIGIBLE,
    title: both(t, 'screenerForm.aboutYou.title'),
    elements: [
      {
        type: 'radiogroup',
        name: 'gender',
        title: both(t, 'screenerForm.gender.title'),
        isRequired: true,
        choices: [
          { value: 'm', text: both(t, 'screenerForm.gender.m') },
          { value: 'v', text: both(t, 'screenerForm.gender.v') },
          { value: 'x', text: both(t, 'screenerForm.gender.x') },
        ],
      },
      {
        type: 'text',
        name: 'age',
        inputType: 'number',
        title: both(t, 'screenerForm.age.title'),
        isRequired: true,
        min: 16,
        max: 110,
        validators: [{ type: 'regex', regex: '^\\d+$', text: both(t, 'screenerForm.age.invalid') }],
      },
      {
        type: 'radiogroup',
        name: 'education',
        title: both(t, 'screenerForm.education.title'),
        isRequired: true,
        choices: EDUCATIONS.map((value) => ({ value, text: educationChoiceTexts(t)[value] })),
      },
      {
        type: 'radiogroup',
        name: 'digitalComfort',
        title: both(t, 'screenerForm.digitalComfort.title'),
        description: both(t, 'screenerForm.digitalComfort.description'),
        isRequired: true,
        choices: DIGITAL_COMFORTS.map((value) => ({ value, text: both(t, `digitalComfort.${value}`) })),
      },
    ],
  };
}

function pageOrganisation(t: SurveyTexts, input: ScreenerInput) {
  return {
    name: 'organisationContact',
    title: both(t, 'screenerForm.organisationContact.title'),
    elements: [
      {
        type: 'radiogroup',
        name: 'organisation',
        title: both(t, 'screenerForm.organisation.title'),
        description: both(t, 'screenerForm.organisation.description'),
        isRequired: true,
        choices: input.organisations.map((o) => ({ value: o.id, text: o.name })),
        showNoneItem: true,
        noneText: both(t, 'screenerForm.organisation.none'),
      },
      {
        type: 'radiogroup',
        name: 'contactWhen',
        visibleIf: HAS_ORGANISATION,
        title: both(t, 'screenerForm.contactWhen.title'),
        isRequired: true,
        choices: [
          { value: 'within-6-months', text: both(t, 'screenerForm.contactWhen.within-6-months') },
          { value: 'longer-ago', text: both(t, 'screenerForm.contactWhen.longer-ago') },
        ],
      },
      { type: 'html', name: 'ineligibleNotice', visibleIf: INELIGIBLE, html: ineligibleHtml(t, input.helpPhone) },
    ],
  };
}

function pageSelection(t: SurveyTexts) {
  return {
    name: 'searchStrategy',
    visibleIf: ELIGIBLE,
    title: both(t, 'screenerForm.searchStrategy.title'),
    elements: [
      {
        type: 'radiogroup',
        name: 'selection',
        title: both(t, 'screenerForm.selection.title'),
        description: both(t, 'screenerForm.selection.description'),
        isRequired: true,
        // Random per respondent, as Bijlage 6 prescribes; the values, not the order, carry the answer.
        choicesOrder: 'random',
        choices: QUADRANTS.map((q) => ({
          value: q,
          text: selectionStatementText(t, q),
        })),
      },
    ],
  };
}

function pageAvailability(t: SurveyTexts, input: ScreenerInput) {
  return {
    name: 'availability',
    visibleIf: ELIGIBLE,
    title: both(t, 'screenerForm.availability.pageTitle'),
    elements: [
      {
        type: 'checkbox',
        name: 'availability',
        title: both(t, 'screenerForm.availability.title'),
        description: allOnline(input)
          ? both(t, 'screenerForm.availability.descriptionOnline')
          : both(t, 'screenerForm.availability.description'),
        isRequired: true,
        choices: input.slots.map((s) => ({ value: s.id, text: slotText(t, s, allOnline(input)) })),
        showNoneItem: true,
        noneText: both(t, 'screenerForm.availability.none'),
      },
    ],
  };
}

// The version becomes a SurveyJS expression literal, so it must not contain quotes or braces.
const CONSENT_VERSION_PATTERN = /^[\w.\- ]{1,40}$/;

export function buildScreenerDefinition(input: ScreenerInput, t: SurveyTexts): object {
  if (!CONSENT_VERSION_PATTERN.test(input.consentVersion)) {
    throw new RangeError(
      `Consent version "${input.consentVersion}" may only contain letters, digits, spaces, dots and dashes.`,
    );
  }
  const help = helpLine(t, input.helpPhone);
  return {
    title: localised(input.studyTitle, input.studyTitle),
    showQuestionNumbers: 'off',
    // No "page 4 of 4" counter: the last two pages appear only for eligible people, so it would jump to "5 of 6".
    showProgressBar: 'off',
    // Sent with the answers so the server can check the respondent saw the consent text it stores.
    calculatedValues: [{ name: 'consentVersion', expression: `'${input.consentVersion}'`, includeIntoResult: true }],
    completedHtml: join(html(t, 'screenerForm.completed'), help),
    completedHtmlOnCondition: [{ expression: INELIGIBLE, html: ineligibleHtml(t, input.helpPhone) }],
    // The knock-out questions come first: someone who cannot take part is never asked who they are.
    pages: [
      pageIntro(t, input),
      pageOrganisation(t, input),
      pageAboutYou(t),
      pageSelection(t),
      pageAvailability(t, input),
      pageContactDetails(t),
    ],
  };
}

export type ScreenerIneligibility = 'no-organisation' | 'contact-too-long-ago';

/** Mirrors the definition's INELIGIBLE condition; run it on validated data. */
export function screenerEligibility(data: Record<string, unknown>): {
  eligible: boolean;
  reason?: ScreenerIneligibility;
} {
  const organisation = data.organisation;
  if (organisation === undefined || organisation === null || organisation === NONE_VALUE) {
    return { eligible: false, reason: 'no-organisation' };
  }
  if (data.contactWhen === 'longer-ago') return { eligible: false, reason: 'contact-too-long-ago' };
  // Only reachable with a draft: a complete screener always answers contactWhen for a chosen organisation.
  if (data.contactWhen !== 'within-6-months') return { eligible: false };
  return { eligible: true };
}
