import { Model } from 'survey-core';
import { EDUCATIONS, QUADRANTS } from '../common/domain';
import {
  buildScreenerDefinition,
  ScreenerInput,
  screenerEligibility,
  selectionStatementText,
} from './screener-definition';
import { definitionErrors } from './survey-validator';
import { translators } from '../common/view-engine';

const SCREENER_TEXTS = translators();

const input: ScreenerInput = {
  studyTitle: 'Onderzoek <dienstverlening>',
  organisations: [
    { id: 1, name: 'Vitens' },
    { id: 2, name: 'RET' },
  ],
  slots: [{ id: 10, label: { nl: 'maandag 3 maart, 10:00', en: 'Monday 3 March, 10:00' } }],
  consentVersion: '2024-1',
  helpPhone: '030 123 45 67',
};

describe('buildScreenerDefinition', () => {
  it('is a definition survey-core reads without errors', () => {
    expect(definitionErrors(buildScreenerDefinition(input, SCREENER_TEXTS))).toEqual([]);
  });

  it('shows no page counter, which would jump when the last pages appear for eligible people', () => {
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    expect(model.showProgressBar).toBe(false);
  });

  it('asks the knock-out questions before anything personal, and the contact details last', () => {
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    const names = model
      .getAllQuestions()
      .filter((q) => q.hasInput)
      .map((q) => q.name);
    expect(names).toEqual([
      'consent',
      'organisation',
      'contactWhen',
      'gender',
      'age',
      'education',
      'digitalComfort',
      'selection',
      'availability',
      'firstName',
      'email',
      'phone',
      'contactPreference',
    ]);
  });

  it('never shows a question about the person to someone who is turned away', () => {
    for (const knockOut of [{ organisation: 'none' }, { organisation: 1, contactWhen: 'longer-ago' }]) {
      const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
      model.data = { consent: true, ...knockOut };
      expect(model.visiblePages.map((p) => p.name)).toEqual(['intro', 'organisationContact']);
    }
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    model.data = { consent: true, organisation: 1, contactWhen: 'within-6-months' };
    expect(model.visiblePages.map((p) => p.name)).toEqual([
      'intro',
      'organisationContact',
      'aboutYou',
      'searchStrategy',
      'availability',
      'contactDetails',
    ]);
  });

  it('shows the selection statements with the chosen organisation, in random order, in Dutch and English', () => {
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    model.data = { organisation: 2, contactWhen: 'within-6-months' };
    const selection = model.getQuestionByName('selection') as unknown as {
      choicesOrder: string;
      visibleChoices: { value: string; text: string }[];
    };
    expect(selection.choicesOrder).toBe('random');
    expect(selection.visibleChoices.map((c) => c.value).sort()).toEqual([...QUADRANTS].sort());
    const gemak = () => selection.visibleChoices.find((c) => c.value === 'gemakzoeker')!.text;
    const rust = () => selection.visibleChoices.find((c) => c.value === 'rust-in-je-hoofdzoeker')!.text;
    expect(rust()).toContain('mijn doel kon bereiken bij RET');
    expect(gemak()).toMatch(/^Ik wist van te voren al precies/);
    model.locale = 'en';
    expect(rust()).toContain('achieve my goal with RET');
  });

  it('keeps every statement text tied to the organisation placeholder, except the one that names none', () => {
    for (const q of QUADRANTS.filter((q) => q !== 'gemakzoeker')) {
      expect(selectionStatementText(SCREENER_TEXTS, q).default).toContain('{organisation}');
      expect(selectionStatementText(SCREENER_TEXTS, q).en).toContain('{organisation}');
    }
  });

  it('offers the six education levels, the slots and "none of these moments"', () => {
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    const values = (name: string) =>
      (model.getQuestionByName(name) as unknown as { visibleChoices: { value: unknown }[] }).visibleChoices.map(
        (c) => c.value,
      );
    expect(values('education')).toEqual([...EDUCATIONS]);
    expect(values('gender')).toEqual(['m', 'v', 'x']);
    expect(values('availability')).toEqual([10, 'none']);
    expect(values('organisation')).toEqual([1, 2, 'none']);
  });

  it('skips the selection and availability pages and thanks kindly when the contact is too long ago', () => {
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    model.data = { organisation: 1, contactWhen: 'longer-ago' };
    expect(model.getPageByName('searchStrategy').isVisible).toBe(false);
    expect(model.getPageByName('availability').isVisible).toBe(false);
    model.doComplete();
    expect(model.processedCompletedHtml).toContain('kunt u deze keer helaas niet meedoen');
  });

  it('escapes names in HTML and carries the consent version into the answers', () => {
    const organisations = [{ id: 3, name: 'Water & <Co>' }];
    const json = JSON.stringify(buildScreenerDefinition({ ...input, organisations }, SCREENER_TEXTS));
    expect(json).toContain('(Water &#38; &#60;Co&#62;) zien alleen een overzicht zonder namen');
    const model = new Model(buildScreenerDefinition(input, SCREENER_TEXTS));
    expect(model.data).toEqual({ consentVersion: '2024-1' });
  });

  it('refuses a consent version that would break the expression it is put in', () => {
    expect(() => buildScreenerDefinition({ ...input, consentVersion: "v1' + 'x" }, SCREENER_TEXTS)).toThrow(RangeError);
  });
});

describe('screenerEligibility', () => {
  it('accepts contact with a partner organisation in the last six months', () => {
    expect(screenerEligibility({ organisation: 2, contactWhen: 'within-6-months' })).toEqual({ eligible: true });
  });

  it('turns away someone who had contact with none of the organisations', () => {
    expect(screenerEligibility({ organisation: 'none' })).toEqual({ eligible: false, reason: 'no-organisation' });
  });

  it('turns away someone whose contact was more than six months ago', () => {
    expect(screenerEligibility({ organisation: 1, contactWhen: 'longer-ago' })).toEqual({
      eligible: false,
      reason: 'contact-too-long-ago',
    });
  });
});

describe('buildScreenerDefinition: sessions in person', () => {
  const texts = (definition: object, locale: string) => {
    const model = new Model(definition);
    model.locale = locale;
    const availability = model.getQuestionByName('availability') as unknown as {
      description: string;
      visibleChoices: { text: string }[];
    };
    return {
      description: availability.description,
      choices: availability.visibleChoices.map((c) => c.text).filter((t) => !/Geen|None/.test(t)),
    };
  };

  it('says the conversation is online only when every moment is online', () => {
    expect(texts(buildScreenerDefinition(input, SCREENER_TEXTS), 'nl').description).toContain('Het gesprek is online');
  });

  it('names the place of a moment in person, and does not call the conversation online', () => {
    const mixed = buildScreenerDefinition(
      {
        ...input,
        slots: [
          ...input.slots,
          {
            id: 11,
            label: { nl: 'dinsdag 4 maart, 14:00', en: 'Tuesday 4 March, 14:00' },
            location: 'Bibliotheek Neude, Utrecht',
          },
        ],
      },
      SCREENER_TEXTS,
    );
    const nl = texts(mixed, 'nl');
    expect(nl.description).not.toContain('is online');
    expect(nl.choices).toEqual([
      'maandag 3 maart, 10:00 · online',
      'dinsdag 4 maart, 14:00 · op locatie: Bibliotheek Neude, Utrecht',
    ]);
    expect(texts(mixed, 'en').choices[1]).toBe('Tuesday 4 March, 14:00 · in person: Bibliotheek Neude, Utrecht');
    expect(JSON.stringify(mixed)).not.toContain('online groepsgesprek');
  });
});
