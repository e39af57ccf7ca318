// The customer-journey homework (Bijlage 4) as SurveyJS JSON: one page per step, which is easier to follow
// for older respondents than one long form. Pure: no framework imports. Every word comes from the message
// catalogue (homeworkForm.*), through the two translators the caller passes.
import { both, escapeHtml, localised, type LocalisedText, type SurveyTexts } from './survey-texts';

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

export const HOMEWORK_RATINGS = ['positief', 'neutraal', 'negatief'] as const;
export type HomeworkRating = (typeof HOMEWORK_RATINGS)[number];

/** The face drawn before each rating's word: a picture, the same in every language. */
const RATING_FACES: Record<HomeworkRating, string> = { positief: '🙂', neutraal: '😐', negatief: '🙁' };

// A radiogroup rather than SurveyJS's smiley rating: native radio buttons work with the arrow keys, and the
// word next to each face is what a screen reader announces and what someone who cannot read the face sees.
const ratingChoices = (t: SurveyTexts) =>
  HOMEWORK_RATINGS.map((value) => {
    const word = both(t, `homeworkForm.rating.${value}`);
    const face = RATING_FACES[value];
    return { value, text: localised(`${face} ${word.default}`, `${face} ${word.en}`) };
  });

const channelChoices = (t: SurveyTexts) =>
  HOMEWORK_CHANNELS.map((value) => ({ value, text: both(t, `homeworkForm.channel.${value}`) }));

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

function ratingWithExplanation(t: SurveyTexts, step: HomeworkStep, visibleIf?: string) {
  const condition = visibleIf ? { visibleIf } : {};
  return [
    {
      type: 'radiogroup',
      name: ratingQuestionName(step),
      title: both(t, 'homeworkForm.rating.title'),
      choices: ratingChoices(t),
      colCount: 0,
      ...condition,
    },
    comment(explanationQuestionName(step), both(t, 'homeworkForm.explanation.title'), condition),
  ];
}

/** One example per line (the form and the print page show line breaks), easier to read than one long paragraph. */
function bullets(items: LocalisedText[]): LocalisedText {
  const list = (texts: string[]) => texts.map((item) => `• ${item}`).join('\n');
  return localised(list(items.map((i) => i.default)), list(items.map((i) => i.en)));
}

export function buildHomeworkDefinition(input: { organisation: string }, t: SurveyTexts): object {
  const org = { organisation: input.organisation };
  return {
    title: both(t, 'homeworkForm.title', org),
    showQuestionNumbers: 'off',
    showProgressBar: 'top',
    completedHtml: both(t, 'homeworkForm.completed'),
    pages: [
      {
        name: 'start',
        title: both(t, 'homeworkForm.start.title'),
        elements: [
          {
            type: 'html',
            name: 'introText',
            html: both(t, 'homeworkForm.intro', { organisation: escapeHtml(input.organisation) }),
          },
          {
            type: 'text',
            name: 'firstName',
            title: both(t, 'homeworkForm.firstName.title'),
            isRequired: true,
            maxLength: SHORT_TEXT,
            autocomplete: 'given-name',
          },
        ],
      },
      {
        name: 'contactMomentsStep',
        title: both(t, 'homeworkForm.contactMomentsStep.title'),
        elements: [
          comment('contactMoments', both(t, 'homeworkForm.contactMoments.title', org), {
            isRequired: true,
            description: bullets([
              both(t, 'homeworkForm.contactMoments.example.employee', org),
              both(t, 'homeworkForm.contactMoments.example.channels'),
              both(t, 'homeworkForm.contactMoments.example.initiative', org),
              both(t, 'homeworkForm.contactMoments.example.experience'),
            ]),
          }),
          {
            type: 'checkbox',
            name: 'channels',
            title: both(t, 'homeworkForm.channels.title'),
            choices: channelChoices(t),
          },
          ...ratingWithExplanation(t, 'contactMoments'),
        ],
      },
      {
        name: 'goalStep',
        title: both(t, 'homeworkForm.goalStep.title'),
        elements: [
          comment('goal', both(t, 'homeworkForm.goal.title'), {
            description: both(t, 'homeworkForm.goal.description'),
          }),
          comment('goalReason', both(t, 'homeworkForm.goalReason.title')),
          ...ratingWithExplanation(t, 'goal'),
        ],
      },
      {
        name: 'orientationStep',
        title: both(t, 'homeworkForm.orientationStep.title'),
        description: both(t, 'homeworkForm.orientationStep.description'),
        elements: [
          comment('orientationWhereHow', both(t, 'homeworkForm.orientationWhereHow.title')),
          comment('orientationAmount', both(t, 'homeworkForm.orientationAmount.title')),
          comment('orientationKnewWhere', both(t, 'homeworkForm.orientationKnewWhere.title')),
          comment('orientationWentWell', both(t, 'homeworkForm.orientationWentWell.title')),
          ...ratingWithExplanation(t, 'orientation'),
        ],
      },
      {
        name: 'contactStep',
        title: both(t, 'homeworkForm.contactStep.title'),
        description: both(t, 'homeworkForm.contactStep.description', org),
        elements: [
          comment('contactWhat', both(t, 'homeworkForm.contactWhat.title')),
          comment('contactWhere', both(t, 'homeworkForm.contactWhere.title')),
          comment('contactHow', both(t, 'homeworkForm.contactHow.title')),
          comment('contactDecisionHelp', both(t, 'homeworkForm.contactDecisionHelp.title')),
          comment('contactWentWell', both(t, 'homeworkForm.contactWentWell.title')),
          ...ratingWithExplanation(t, 'contact'),
        ],
      },
      {
        name: 'afterwardsStep',
        title: both(t, 'homeworkForm.afterwardsStep.title'),
        elements: [
          {
            type: 'radiogroup',
            name: 'afterwardsHad',
            title: both(t, 'homeworkForm.afterwardsHad.title', org),
            description: both(t, 'homeworkForm.afterwardsHad.description', org),
            choices: [
              { value: 'yes', text: both(t, 'homeworkForm.afterwardsHad.yes') },
              { value: 'no', text: both(t, 'homeworkForm.afterwardsHad.no') },
            ],
          },
          comment('afterwardsReason', both(t, 'homeworkForm.afterwardsReason.title'), {
            visibleIf: "{afterwardsHad} = 'yes'",
          }),
          {
            type: 'checkbox',
            name: 'afterwardsChannels',
            visibleIf: "{afterwardsHad} = 'yes'",
            title: both(t, 'homeworkForm.afterwardsChannels.title'),
            choices: channelChoices(t),
          },
          {
            type: 'radiogroup',
            name: 'afterwardsInitiative',
            visibleIf: "{afterwardsHad} = 'yes'",
            title: both(t, 'homeworkForm.afterwardsInitiative.title'),
            choices: [
              { value: 'self', text: both(t, 'homeworkForm.afterwardsInitiative.self') },
              // The organisation's own name, the same in both languages.
              { value: 'organisation', text: localised(input.organisation, input.organisation) },
            ],
          },
          comment('afterwardsWentWell', both(t, 'homeworkForm.afterwardsWentWell.title'), {
            visibleIf: "{afterwardsHad} = 'yes'",
          }),
          ...ratingWithExplanation(t, 'afterwards', "{afterwardsHad} = 'yes'"),
        ],
      },
    ],
  };
}
