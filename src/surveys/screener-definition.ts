// The public screener as SurveyJS JSON (issue "Screener"). Pure: no framework imports.
// Strings are `{ default: Dutch, en: English }`: the page and the validator set SurveyJS's default locale to nl.
import {
  DIGITAL_COMFORTS,
  DIGITAL_COMFORT_LABELS,
  EDUCATIONS,
  Education,
  Locale,
  Quadrant,
  QUADRANTS,
} from '../common/domain';
import { ORGANISATION_PLACEHOLDER, SELECTION_STATEMENTS } from './selection-question';

export interface LocalisedText {
  default: string;
  en: string;
}

export const localised = (nl: string, en: string): LocalisedText => ({ default: nl, en });

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The statements of Bijlage 6 with SurveyJS text processing in place of "organisatie X": it shows the chosen organisation. */
export function selectionStatementText(quadrant: Quadrant, locale: Locale): string {
  return SELECTION_STATEMENTS[quadrant][locale].split(ORGANISATION_PLACEHOLDER).join('{organisation}');
}

/** Plain-language labels for respondents; the canonical labels (Bijlage 5) stay in domain.ts. */
const EDUCATION_CHOICE_TEXTS: Record<Education, LocalisedText> = {
  basisonderwijs: localised('Basisschool of lagere school', 'Primary school'),
  'vmbo-mavo-lbo': localised('VMBO, MAVO of LBO', 'Pre-vocational secondary school (vmbo, mavo, lbo)'),
  'havo-vwo': localised('HAVO of VWO (ook HBS, atheneum of gymnasium)', 'Senior general secondary school (havo, vwo)'),
  mbo: localised('MBO (middelbaar beroepsonderwijs)', 'Secondary vocational education (mbo)'),
  hbo: localised('HBO (hogeschool)', 'University of applied sciences (hbo)'),
  wo: localised('Universiteit of hoger', 'University or higher'),
};

/** Version of the consent text below; raise it whenever that text changes, so stored consents say what was agreed to. */
export const CONSENT_TEXT_VERSION = '2026-12';

/** Screener questions whose answers are personal data: removed from the raw answers on erasure. */
export const SCREENER_PERSONAL_FIELDS = ['firstName', 'email', 'phone', 'contactPreference'] as const;

/** Questions the intake maps onto a respondent: a custom screener definition must keep them. */
export const SCREENER_REQUIRED_QUESTIONS = [
  'consent', 'firstName', 'email', 'gender', 'age', 'education', 'digitalComfort', 'organisation', 'contactWhen', 'selection', 'availability',
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
function slotText(slot: ScreenerInput['slots'][number], allOnlineSlots: boolean): LocalisedText {
  if (allOnlineSlots) return localised(slot.label.nl, slot.label.en);
  return slot.location
    ? localised(`${slot.label.nl} · op locatie: ${slot.location}`, `${slot.label.en} · in person: ${slot.location}`)
    : localised(`${slot.label.nl} · online`, `${slot.label.en} · online`);
}

function helpLine(helpPhone: string | undefined): LocalisedText {
  if (!helpPhone) return localised('', '');
  const phone = escapeHtml(helpPhone);
  return localised(
    `<p>Vragen? Bel ons gerust tussen 9:00 en 17:00 uur op ${phone}.</p>`,
    `<p>Questions? Call us between 9:00 and 17:00 on ${phone}.</p>`,
  );
}

function introHtml(input: ScreenerInput): LocalisedText {
  const help = helpLine(input.helpPhone);
  const online = allOnline(input);
  return localised(
    '<p>Wij doen onderzoek naar de dienstverlening van publieke organisaties. We zoeken mensen die willen ' +
      `meedoen aan een ${online ? 'online ' : ''}groepsgesprek van 2 uur, met ongeveer 3 andere deelnemers.</p>` +
      '<p>Deze vragenlijst duurt ongeveer 5 minuten.</p>' +
      help.default,
    '<p>We are researching the services of public organisations. We are looking for people who want to take ' +
      `part in ${online ? 'an online' : 'a'} group conversation of 2 hours, with about 3 other participants.</p>` +
      '<p>This questionnaire takes about 5 minutes.</p>' +
      help.en,
  );
}

function consentHtml(input: ScreenerInput): LocalisedText {
  const organisations = escapeHtml(input.organisations.map((o) => o.name).join(', '));
  const version = escapeHtml(input.consentVersion);
  return localised(
    '<h3>Wat doen we met uw gegevens?</h3><ul>' +
      '<li><strong>Wat:</strong> uw voornaam, e-mailadres en telefoonnummer, uw geslacht, leeftijd, opleiding, ' +
      'hoe makkelijk u digitale middelen gebruikt, met welke organisatie u contact had en uw antwoorden.</li>' +
      '<li><strong>Waarom:</strong> om u uit te nodigen voor een groepsgesprek en om groepen te maken met ' +
      'verschillende soorten mensen.</li>' +
      '<li><strong>Hoe lang:</strong> uw naam en contactgegevens bewaren we tot het onderzoek klaar is. Daarna ' +
      'verwijderen we ze. U kunt ons altijd vragen uw gegevens eerder te verwijderen.</li>' +
      '<li><strong>Wie ziet wat:</strong> alleen de onderzoekers zien uw naam en contactgegevens. De ' +
      `organisaties in dit onderzoek (${organisations}) zien alleen een overzicht zonder namen.</li>` +
      '<li><strong>Kunt u niet meedoen?</strong> Dan vragen we niet naar uw naam of contactgegevens, en bewaren we ' +
      'alleen met welke organisatie u contact had en wanneer.</li>' +
      `</ul><p>Versie van deze tekst: ${version}</p>`,
    '<h3>What do we do with your data?</h3><ul>' +
      '<li><strong>What:</strong> your first name, e-mail address and phone number, your gender, age, ' +
      'education, how easily you use digital means, which organisation you had contact with, and your ' +
      'answers.</li>' +
      '<li><strong>Why:</strong> to invite you to a group conversation and to form groups of different kinds ' +
      'of people.</li>' +
      '<li><strong>How long:</strong> we keep your name and contact details until the research is finished. ' +
      'Then we delete them. You can always ask us to delete your data sooner.</li>' +
      '<li><strong>Who sees what:</strong> only the researchers see your name and contact details. The ' +
      `organisations in this research (${organisations}) only see an overview without names.</li>` +
      '<li><strong>Cannot take part?</strong> Then we do not ask for your name or contact details, and we only keep ' +
      'which organisation you had contact with and when.</li>' +
      `</ul><p>Version of this text: ${version}</p>`,
  );
}

function ineligibleHtml(helpPhone: string | undefined): LocalisedText {
  const help = helpLine(helpPhone);
  return localised(
    '<h3>Bedankt voor uw tijd!</h3><p>Voor dit onderzoek zoeken we mensen die in de afgelopen zes maanden ' +
      'contact hadden met een van de organisaties uit de lijst. Daarom kunt u deze keer helaas niet meedoen. ' +
      'Fijn dat u wilde helpen!</p>' +
      help.default,
    '<h3>Thank you for your time!</h3><p>For this research we are looking for people who had contact with one ' +
      'of the organisations on the list in the last six months. So unfortunately you cannot take part this ' +
      'time. Thank you for wanting to help!</p>' +
      help.en,
  );
}

function pageIntro(input: ScreenerInput) {
  return {
    name: 'intro',
    title: localised('Meedoen aan ons onderzoek', 'Taking part in our research'),
    elements: [
      { type: 'html', name: 'introText', html: introHtml(input) },
      { type: 'html', name: 'consentText', html: consentHtml(input) },
      {
        type: 'boolean',
        name: 'consent',
        title: localised('Gaat u hiermee akkoord?', 'Do you agree to this?'),
        labelTrue: localised('Ja, ik ga akkoord', 'Yes, I agree'),
        labelFalse: localised('Nee', 'No'),
        isRequired: true,
        validators: [
          {
            type: 'expression',
            expression: '{consent} = true',
            text: localised(
              'U kunt alleen meedoen als u akkoord gaat.',
              'You can only take part if you agree.',
            ),
          },
        ],
      },
    ],
  };
}

function pageContactDetails() {
  return {
    name: 'contactDetails',
    visibleIf: ELIGIBLE,
    title: localised('Uw gegevens', 'Your details'),
    elements: [
      { type: 'text', name: 'firstName', title: localised('Voornaam', 'First name'), isRequired: true, maxLength: 200, autocomplete: 'given-name' },
      {
        type: 'text',
        name: 'email',
        inputType: 'email',
        title: localised('E-mailadres', 'E-mail address'),
        isRequired: true,
        maxLength: 254,
        autocomplete: 'email',
        validators: [{ type: 'email', text: localised('Vul een geldig e-mailadres in.', 'Please enter a valid e-mail address.') }],
      },
      {
        type: 'text',
        name: 'phone',
        inputType: 'tel',
        title: localised('Telefoonnummer (niet verplicht)', 'Phone number (optional)'),
        requiredIf: "{contactPreference} = 'phone'",
        maxLength: 30,
        autocomplete: 'tel',
        validators: [
          {
            type: 'regex',
            regex: '^\\+?[0-9 ()-]{8,30}$',
            text: localised('Vul een geldig telefoonnummer in.', 'Please enter a valid phone number.'),
          },
        ],
      },
      {
        type: 'radiogroup',
        name: 'contactPreference',
        title: localised('Hoe mogen we contact met u opnemen?', 'How may we contact you?'),
        isRequired: true,
        choices: [
          { value: 'email', text: localised('Per e-mail', 'By e-mail') },
          { value: 'phone', text: localised('Telefonisch', 'By phone') },
        ],
      },
    ],
  };
}

function pageAboutYou() {
  return {
    name: 'aboutYou',
    visibleIf: ELIGIBLE,
    title: localised('Over u', 'About you'),
    elements: [
      {
        type: 'radiogroup',
        name: 'gender',
        title: localised('Wat is uw geslacht?', 'What is your gender?'),
        isRequired: true,
        choices: [
          { value: 'm', text: localised('Man', 'Man') },
          { value: 'v', text: localised('Vrouw', 'Woman') },
          { value: 'x', text: localised('Anders of zeg ik liever niet', 'Other, or I would rather not say') },
        ],
      },
      {
        type: 'text',
        name: 'age',
        inputType: 'number',
        title: localised('Wat is uw leeftijd?', 'How old are you?'),
        isRequired: true,
        min: 16,
        max: 110,
        validators: [{ type: 'regex', regex: '^\\d+$', text: localised('Vul een heel getal in.', 'Please enter a whole number.') }],
      },
      {
        type: 'radiogroup',
        name: 'education',
        title: localised('Wat is de hoogste opleiding die u heeft afgemaakt?', 'What is the highest education you have completed?'),
        isRequired: true,
        choices: EDUCATIONS.map((value) => ({ value, text: EDUCATION_CHOICE_TEXTS[value] })),
      },
      {
        type: 'radiogroup',
        name: 'digitalComfort',
        title: localised(
          'Hoe comfortabel voelt u zich bij het gebruik van digitale middelen?',
          'How comfortable do you feel using digital means?',
        ),
        description: localised(
          'Bijvoorbeeld een computer, tablet, smartphone, website of app.',
          'For example a computer, tablet, smartphone, website or app.',
        ),
        isRequired: true,
        choices: DIGITAL_COMFORTS.map((value) => ({
          value,
          text: localised(DIGITAL_COMFORT_LABELS[value].nl, DIGITAL_COMFORT_LABELS[value].en),
        })),
      },
    ],
  };
}

function pageOrganisation(input: ScreenerInput) {
  return {
    name: 'organisationContact',
    title: localised('Uw contact met een organisatie', 'Your contact with an organisation'),
    elements: [
      {
        type: 'radiogroup',
        name: 'organisation',
        title: localised('Met welke organisatie had u contact?', 'Which organisation did you have contact with?'),
        description: localised(
          'Bijvoorbeeld via de website, de mijn-omgeving, telefoon, e-mail, chat, post of aan de balie. ' +
            'Had u met meer organisaties contact? Kies dan de organisatie van uw laatste contact.',
          'For example through the website, your personal online account, phone, e-mail, chat, post or at a ' +
            'desk. Contact with more than one? Then choose the organisation of your most recent contact.',
        ),
        isRequired: true,
        choices: input.organisations.map((o) => ({ value: o.id, text: o.name })),
        showNoneItem: true,
        noneText: localised('Geen van deze organisaties', 'None of these organisations'),
      },
      {
        type: 'radiogroup',
        name: 'contactWhen',
        visibleIf: HAS_ORGANISATION,
        title: localised('Wanneer had u voor het laatst contact met {organisation}?', 'When did you last have contact with {organisation}?'),
        isRequired: true,
        choices: [
          { value: 'within-6-months', text: localised('In de afgelopen zes maanden', 'In the last six months') },
          { value: 'longer-ago', text: localised('Langer dan zes maanden geleden', 'More than six months ago') },
        ],
      },
      { type: 'html', name: 'ineligibleNotice', visibleIf: INELIGIBLE, html: ineligibleHtml(input.helpPhone) },
    ],
  };
}

function pageSelection() {
  return {
    name: 'searchStrategy',
    visibleIf: ELIGIBLE,
    title: localised('Hoe regelt u uw zaken?', 'How do you arrange your affairs?'),
    elements: [
      {
        type: 'radiogroup',
        name: 'selection',
        title: localised(
          'Als u terugkijkt op het hele proces: in welke omschrijving herkent u zich het beste?',
          'Looking back on the whole process: which description fits you best?',
        ),
        description: localised(
          'De manier waarop mensen hun zaken bij {organisation} het liefst regelen verschilt. Hieronder staan ' +
            'vier manieren om uw zaken bij {organisation} te zoeken en te regelen. Denkt u nog eens terug aan ' +
            'het contact en het doel dat u wilde bereiken. Kies één antwoord.',
          'People differ in how they prefer to arrange their affairs with {organisation}. Below are four ways ' +
            'of searching and arranging your affairs with {organisation}. Think back to the contact and the goal ' +
            'you wanted to reach. Choose one answer.',
        ),
        isRequired: true,
        // Random per respondent, as Bijlage 6 prescribes; the values, not the order, carry the answer.
        choicesOrder: 'random',
        choices: QUADRANTS.map((q) => ({
          value: q,
          text: localised(selectionStatementText(q, 'nl'), selectionStatementText(q, 'en')),
        })),
      },
    ],
  };
}

function pageAvailability(input: ScreenerInput) {
  return {
    name: 'availability',
    visibleIf: ELIGIBLE,
    title: localised('Wanneer kunt u?', 'When are you available?'),
    elements: [
      {
        type: 'checkbox',
        name: 'availability',
        title: localised('Op welke momenten kunt u meedoen aan het groepsgesprek?', 'At which moments can you take part in the group conversation?'),
        description: allOnline(input)
          ? localised('Het gesprek is online en duurt 2 uur. Kies alle momenten die u passen.', 'The conversation is online and takes 2 hours. Choose every moment that suits you.')
          : localised(
              'Het gesprek duurt 2 uur. Bij elk moment staat of het online is of op een plek. Kies alle momenten die u passen.',
              'The conversation takes 2 hours. Each moment says whether it is online or at a place. Choose every moment that suits you.',
            ),
        isRequired: true,
        choices: input.slots.map((s) => ({ value: s.id, text: slotText(s, allOnline(input)) })),
        showNoneItem: true,
        noneText: localised('Geen van deze momenten', 'None of these moments'),
      },
    ],
  };
}

// The version becomes a SurveyJS expression literal, so it must not contain quotes or braces.
const CONSENT_VERSION_PATTERN = /^[\w.\- ]{1,40}$/;

export function buildScreenerDefinition(input: ScreenerInput): object {
  if (!CONSENT_VERSION_PATTERN.test(input.consentVersion)) {
    throw new RangeError(`Consent version "${input.consentVersion}" may only contain letters, digits, spaces, dots and dashes.`);
  }
  const help = helpLine(input.helpPhone);
  return {
    title: localised(input.studyTitle, input.studyTitle),
    showQuestionNumbers: 'off',
    // No "page 4 of 4" counter: the last two pages appear only for eligible people, so it would jump to "5 of 6".
    showProgressBar: 'off',
    // Sent with the answers so the server can check the respondent saw the consent text it stores.
    calculatedValues: [{ name: 'consentVersion', expression: `'${input.consentVersion}'`, includeIntoResult: true }],
    completedHtml: localised(
      '<h3>Bedankt voor het invullen!</h3><p>We nemen binnenkort contact met u op over het groepsgesprek.</p>' + help.default,
      '<h3>Thank you for filling this in!</h3><p>We will contact you soon about the group conversation.</p>' + help.en,
    ),
    completedHtmlOnCondition: [{ expression: INELIGIBLE, html: ineligibleHtml(input.helpPhone) }],
    // The knock-out questions come first: someone who cannot take part is never asked who they are.
    pages: [pageIntro(input), pageOrganisation(input), pageAboutYou(), pageSelection(), pageAvailability(input), pageContactDetails()],
  };
}

export type ScreenerIneligibility = 'no-organisation' | 'contact-too-long-ago';

/** Mirrors the definition's INELIGIBLE condition; run it on validated data. */
export function screenerEligibility(data: Record<string, unknown>): { eligible: boolean; reason?: ScreenerIneligibility } {
  const organisation = data.organisation;
  if (organisation === undefined || organisation === null || organisation === NONE_VALUE) {
    return { eligible: false, reason: 'no-organisation' };
  }
  if (data.contactWhen === 'longer-ago') return { eligible: false, reason: 'contact-too-long-ago' };
  // Only reachable with a draft: a complete screener always answers contactWhen for a chosen organisation.
  if (data.contactWhen !== 'within-6-months') return { eligible: false };
  return { eligible: true };
}
