import { Model } from 'survey-core';
import {
  buildHomeworkDefinition,
  explanationQuestionName,
  HOMEWORK_CHANNELS,
  HOMEWORK_STEPS,
  ratingQuestionName,
} from './homework-definition';
import { translators } from '../common/view-engine';
import { definitionErrors, validateSubmission } from './survey-validator';

const definition = buildHomeworkDefinition({ organisation: 'Gemeente Utrecht' }, translators());

describe('buildHomeworkDefinition', () => {
  it('is a definition survey-core reads without errors', () => {
    expect(definitionErrors(definition)).toEqual([]);
  });

  it('shows the examples of a help text one per line', () => {
    const model = new Model(buildHomeworkDefinition({ organisation: 'Vitens' }, translators()));
    const lines = model.getQuestionByName('contactMoments').description.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.every((l: string) => l.startsWith('• '))).toBe(true);
  });

  it('lists every channel for the contact moment and for contact afterwards', () => {
    const model = new Model(definition);
    for (const name of ['channels', 'afterwardsChannels']) {
      const q = model.getQuestionByName(name) as unknown as { getType(): string; visibleChoices: { value: string }[] };
      expect(q.getType()).toBe('checkbox');
      expect(q.visibleChoices.map((c) => c.value)).toEqual([...HOMEWORK_CHANNELS]);
    }
  });

  it('has a positive / neutral / negative rating with "Leg kort uit" for every step, each with a word next to the face', () => {
    const model = new Model(definition);
    for (const step of HOMEWORK_STEPS) {
      const rating = model.getQuestionByName(ratingQuestionName(step)) as unknown as {
        visibleChoices: { value: string; text: string }[];
      };
      expect(rating.visibleChoices.map((c) => c.value)).toEqual(['positief', 'neutraal', 'negatief']);
      expect(rating.visibleChoices.map((c) => c.text)).toEqual(['🙂 Positief', '😐 Neutraal', '🙁 Negatief']);
      expect(model.getQuestionByName(explanationQuestionName(step)).title).toBe('Leg kort uit');
    }
  });

  it('puts each step on its own page and names the organisation in the questions', () => {
    const model = new Model(definition);
    expect(model.pages.length).toBe(HOMEWORK_STEPS.length + 1);
    expect(model.getQuestionByName('contactMoments').title).toContain('met Gemeente Utrecht');
    model.locale = 'en';
    expect(model.getQuestionByName('contactMoments').title).toContain('with Gemeente Utrecht');
  });

  it('only requires the first name and the contact moment to submit', () => {
    const result = validateSubmission(definition, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field).sort()).toEqual(['contactMoments', 'firstName']);
    expect(
      validateSubmission(definition, { firstName: 'Piet', contactMoments: 'Belastingaangifte via de website' }).ok,
    ).toBe(true);
  });

  it('drops the afterwards answers when the respondent said there was no contact afterwards', () => {
    const result = validateSubmission(definition, {
      firstName: 'Piet',
      contactMoments: 'Bellen over de afvalpas',
      afterwardsHad: 'no',
      afterwardsReason: 'typed before changing my mind',
      afterwardsRating: 'negatief',
    });
    expect(result).toEqual({
      ok: true,
      data: { firstName: 'Piet', contactMoments: 'Bellen over de afvalpas', afterwardsHad: 'no' },
    });
  });
});
