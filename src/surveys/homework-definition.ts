// The customer-journey homework (Bijlage 4) as SurveyJS JSON: one page per step, which is easier to follow
// for older respondents than one long form. Pure: no framework imports.
import { escapeHtml, localised, LocalisedText } from './screener-definition';

export const HOMEWORK_CHANNELS = [
  'website',
  'mijn-omgeving',
  'social-media',
  'chat',
  'telefoon',
  'e-mail',
  'whatsapp',
  'post',
  'locatie',
  'app',
] as const;
export type HomeworkChannel = (typeof HOMEWORK_CHANNELS)[number];

const CHANNEL_TEXTS: Record<HomeworkChannel, LocalisedText> = {
  website: localised('Website', 'Website'),
  'mijn-omgeving': localised('Mijn-omgeving (persoonlijke pagina op de website)', 'Personal online account'),
  'social-media': localised('Social media', 'Social media'),
  chat: localised('Chat', 'Chat'),
  telefoon: localised('Telefoon', 'Phone'),
  'e-mail': localised('E-mail', 'E-mail'),
  whatsapp: localised('WhatsApp', 'WhatsApp'),
  post: localised('Post (brief)', 'Post (letter)'),
  locatie: localised('Locatie of balie', 'In person, at a location or desk'),
  app: localised('App', 'App'),
};

export const HOMEWORK_RATINGS = ['positief', 'neutraal', 'negatief'] as const;
export type HomeworkRating = (typeof HOMEWORK_RATINGS)[number];

// A radiogroup rather than SurveyJS's smiley rating: native radio buttons work with the arrow keys, and the
// word next to each face is what a screen reader announces and what someone who cannot read the face sees.
const RATING_CHOICES = [
  { value: 'positief', text: localised('🙂 Positief', '🙂 Positive') },
  { value: 'neutraal', text: localised('😐 Neutraal', '😐 Neutral') },
  { value: 'negatief', text: localised('🙁 Negatief', '🙁 Negative') },
];

/** The five steps of the form, each ending in a rating and its explanation: the prep view's columns. */
export const HOMEWORK_STEPS = ['contactMoments', 'goal', 'orientation', 'contact', 'afterwards'] as const;
export type HomeworkStep = (typeof HOMEWORK_STEPS)[number];
export const ratingQuestionName = (step: HomeworkStep) => `${step}Rating`;
export const explanationQuestionName = (step: HomeworkStep) => `${step}Explanation`;

const SHORT_TEXT = 200;
const LONG_TEXT = 2000;

function comment(name: string, title: LocalisedText, extra: Record<string, unknown> = {}) {
  return { type: 'comment', name, title, maxLength: LONG_TEXT, rows: 4, autoGrow: true, ...extra };
}

function ratingWithExplanation(step: HomeworkStep, visibleIf?: string) {
  const condition = visibleIf ? { visibleIf } : {};
  return [
    {
      type: 'radiogroup',
      name: ratingQuestionName(step),
      title: localised('Wat was uw ervaring hierbij?', 'What was your experience with this?'),
      choices: RATING_CHOICES,
      colCount: 0,
      ...condition,
    },
    comment(explanationQuestionName(step), localised('Leg kort uit', 'Explain briefly'), condition),
  ];
}

/** One example per line (the form and the print page show line breaks), easier to read than one long paragraph. */
function bullets(items: string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}

export function buildHomeworkDefinition(input: { organisation: string }): object {
  const org = input.organisation;
  return {
    title: localised(`Huiswerkopdracht Onderzoek Dienstverlening (${org})`, `Homework: research on services (${org})`),
    showQuestionNumbers: 'off',
    showProgressBar: 'top',
    completedHtml: localised(
      '<h3>Hartelijk dank!</h3><p>Uw antwoorden zijn verstuurd. Tot binnenkort in het gesprek.</p>',
      '<h3>Thank you very much!</h3><p>Your answers have been sent. See you soon in the conversation.</p>',
    ),
    pages: [
      {
        name: 'start',
        title: localised('Welkom', 'Welcome'),
        elements: [
          {
            type: 'html',
            name: 'introText',
            html: localised(
              `<p>In het gesprek gaat het over één of meerdere contactmomenten die u in het afgelopen half jaar heeft ` +
                `gehad met ${escapeHtml(org)}. Daar gaan de vragen hieronder ook over. Het is prettig als u ` +
                'alvast over deze vragen nadenkt.</p><p>Uw antwoorden worden bewaard terwijl u typt. U kunt ' +
                'dus stoppen en later verder gaan.</p>',
              `<p>The conversation is about one or more moments of contact you had with ${escapeHtml(org)} in the ` +
                'last six months. The questions below are about those too. It helps if you think about them ' +
                'beforehand.</p><p>Your answers are saved as you type, so you can stop and continue later.</p>',
            ),
          },
          {
            type: 'text',
            name: 'firstName',
            title: localised('Wilt u allereerst hier uw voornaam noteren?', 'First of all, what is your first name?'),
            isRequired: true,
            maxLength: SHORT_TEXT,
            autocomplete: 'given-name',
          },
        ],
      },
      {
        name: 'contactMomentsStep',
        title: localised('Het contactmoment', 'The moment of contact'),
        elements: [
          comment(
            'contactMoments',
            localised(
              `Welk contactmoment of welke contactmomenten in het afgelopen half jaar met ${org} zijn u het meest bijgebleven?`,
              `Which moment or moments of contact with ${org} in the last six months stayed with you most?`,
            ),
            {
              isRequired: true,
              description: localised(
                bullets([
                  `Het kan zijn dat u contact heeft gehad met een medewerker van ${org}, maar dat hoeft niet. Het ` +
                    'kan ook zijn dat u op een andere manier in aanraking gekomen bent met de organisatie.',
                  "Bijvoorbeeld een moment waarop u iets heeft gedaan op de website, in de 'mijn-omgeving', " +
                    'contact heeft gehad via social media, chat, telefoon, mail, WhatsApp of post of een locatie ' +
                    'bezocht heeft.',
                  `Het maakt ook niet uit wie het initiatief heeft genomen: u of ${org}.`,
                  'Het mogen positieve of negatieve ervaringen zijn geweest.',
                ]),
                bullets([
                  `You may have had contact with an employee of ${org}, but you need not have. You may also have ` +
                    'come across the organisation in another way.',
                  'For example a moment when you did something on the website or in your personal online ' +
                    'account, had contact through social media, chat, phone, e-mail, WhatsApp or post, or ' +
                    'visited a location.',
                  `It does not matter who took the initiative: you or ${org}.`,
                  'The experiences may have been positive or negative.',
                ]),
              ),
            },
          ),
          {
            type: 'checkbox',
            name: 'channels',
            title: localised(
              'Hoe had u contact? Kies alles wat past.',
              'How did you have contact? Choose all that apply.',
            ),
            choices: HOMEWORK_CHANNELS.map((value) => ({ value, text: CHANNEL_TEXTS[value] })),
          },
          ...ratingWithExplanation('contactMoments'),
        ],
      },
      {
        name: 'goalStep',
        title: localised('Het doel', 'The goal'),
        elements: [
          comment('goal', localised('Wat was het doel van uw contact?', 'What was the goal of your contact?'), {
            description: localised(
              'Bijvoorbeeld iets aanvragen, indienen, terugvragen, informatie opvragen, aanmelden et cetera.',
              'For example applying for something, submitting, claiming back, asking for information, registering, et cetera.',
            ),
          }),
          comment(
            'goalReason',
            localised(
              'Waarom wilde u dit doel bereiken? Wat was de aanleiding?',
              'Why did you want to reach this goal? What was the reason?',
            ),
          ),
          ...ratingWithExplanation('goal'),
        ],
      },
      {
        name: 'orientationStep',
        title: localised('Informatie zoeken', 'Looking for information'),
        description: localised(
          'Waar en hoe heeft u informatie gezocht of zich georiënteerd voordat u het hierboven genoemde contact had?',
          'Where and how did you look for information or find your way before the contact described above?',
        ),
        elements: [
          comment(
            'orientationWhereHow',
            localised(
              'Hoe ging u te werk? Waar ging u zoeken? Was dat telefonisch, online of op een locatie? Of via via?',
              'How did you go about it? Where did you look? By phone, online or at a location? Or through people you know?',
            ),
          ),
          comment(
            'orientationAmount',
            localised('Heeft u veel of weinig informatie opgezocht?', 'Did you look up much or little information?'),
          ),
          comment('orientationKnewWhere', localised('Wist u waar u naar moest zoeken?', 'Did you know where to look?')),
          comment(
            'orientationWentWell',
            localised(
              'Wat ging er goed, en wat minder goed in uw zoektocht?',
              'What went well, and what less well, in your search?',
            ),
          ),
          ...ratingWithExplanation('orientation'),
        ],
      },
      {
        name: 'contactStep',
        title: localised('Hoe ging het contact?', 'How did the contact go?'),
        description: localised(
          `Vertel hier hoe het contactmoment met ${org} verliep en in hoeverre u uw doel bereikt heeft.`,
          `Tell us how the contact with ${org} went and to what extent you reached your goal.`,
        ),
        elements: [
          comment('contactWhat', localised('Wat heeft u gedaan?', 'What did you do?')),
          comment('contactWhere', localised('Waar of op welke manier?', 'Where, or in what way?')),
          comment('contactHow', localised('Hoe ging dat in zijn werk?', 'How did that work?')),
          comment(
            'contactDecisionHelp',
            localised(
              'Heeft u hulp gehad bij het nemen van beslissingen, of heeft u de beslissingen vooral zelf genomen? ' +
                'Indien u hulp gehad heeft: van wie (van de organisatie of van iemand uit uw eigen omgeving)?',
              'Did you get help with making decisions, or did you mostly decide yourself? If you had help: from ' +
                'whom (from the organisation, or from someone around you)?',
            ),
          ),
          comment('contactWentWell', localised('Wat ging goed, wat minder goed?', 'What went well, what less well?')),
          ...ratingWithExplanation('contact'),
        ],
      },
      {
        name: 'afterwardsStep',
        title: localised('Contact achteraf', 'Contact afterwards'),
        elements: [
          {
            type: 'radiogroup',
            name: 'afterwardsHad',
            title: localised(
              `Heeft u achteraf, na het hierboven beschreven contactmoment, nog contact gehad met ${org} over dit onderwerp?`,
              `Afterwards, after the contact described above, did you have any more contact with ${org} about this subject?`,
            ),
            description: localised(
              `Het maakt niet uit wie contact heeft opgenomen: u of ${org}.`,
              `It does not matter who made contact: you or ${org}.`,
            ),
            choices: [
              { value: 'yes', text: localised('Ja', 'Yes') },
              { value: 'no', text: localised('Nee', 'No') },
            ],
          },
          comment(
            'afterwardsReason',
            localised('Wat was de reden van dit contact?', 'What was the reason for this contact?'),
            {
              visibleIf: "{afterwardsHad} = 'yes'",
            },
          ),
          {
            type: 'checkbox',
            name: 'afterwardsChannels',
            visibleIf: "{afterwardsHad} = 'yes'",
            title: localised(
              'Op welke manier vond dit contact plaats? Kies alles wat past.',
              'How did this contact take place? Choose all that apply.',
            ),
            choices: HOMEWORK_CHANNELS.map((value) => ({ value, text: CHANNEL_TEXTS[value] })),
          },
          {
            type: 'radiogroup',
            name: 'afterwardsInitiative',
            visibleIf: "{afterwardsHad} = 'yes'",
            title: localised('Wie nam het initiatief?', 'Who took the initiative?'),
            choices: [
              { value: 'self', text: localised('Ikzelf', 'I did') },
              { value: 'organisation', text: localised(org, org) },
            ],
          },
          comment('afterwardsWentWell', localised('Wat ging goed of minder goed?', 'What went well or less well?'), {
            visibleIf: "{afterwardsHad} = 'yes'",
          }),
          ...ratingWithExplanation('afterwards', "{afterwardsHad} = 'yes'"),
        ],
      },
    ],
  };
}
