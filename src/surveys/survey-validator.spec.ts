import { buildScreenerDefinition } from './screener-definition';
import { definitionErrors, FieldError, validateSubmission, ValidationResult } from './survey-validator';
import { translators } from '../common/view-engine';

const SCREENER_TEXTS = translators();

const screener = buildScreenerDefinition(
  {
    studyTitle: 'Onderzoek dienstverlening',
    organisations: [
      { id: 1, name: 'Vitens' },
      { id: 2, name: 'RET' },
    ],
    slots: [
      { id: 10, label: { nl: 'maandag 10:00', en: 'Monday 10:00' } },
      { id: 11, label: { nl: 'dinsdag 14:00', en: 'Tuesday 14:00' } },
    ],
    consentVersion: 'v3',
  },
  SCREENER_TEXTS,
);

const valid = {
  consent: true,
  firstName: 'Anna',
  email: 'anna@example.nl',
  contactPreference: 'email',
  gender: 'v',
  age: 81,
  education: 'mbo',
  digitalComfort: 'neutraal',
  organisation: 2,
  contactWhen: 'within-6-months',
  selection: 'gemakzoeker',
  availability: [10, 11],
  consentVersion: 'v3',
};

function errorsOf(result: ValidationResult): FieldError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  return result.errors;
}

describe('validateSubmission', () => {
  it('accepts a complete screener answer and returns it', () => {
    expect(validateSubmission(screener, valid)).toEqual({ ok: true, data: valid });
  });

  it('requires consent', () => {
    const { consent: _, ...withoutConsent } = valid;
    expect(errorsOf(validateSubmission(screener, withoutConsent))).toEqual([
      { field: 'consent', message: 'Do you agree to this? – Response required.', problem: 'Response required.' },
    ]);
  });

  it('does not count a "no" as consent', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, consent: false }))).toEqual([
      {
        field: 'consent',
        message: 'Do you agree to this? – You can only take part if you agree.',
        problem: 'You can only take part if you agree.',
      },
    ]);
  });

  it('rejects an answer outside the choices', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, education: 'phd' }))).toEqual([
      {
        field: 'education',
        message:
          'What is the highest education you have completed? – has a value that is not one of its choices: "phd".',
        problem: 'has a value that is not one of its choices: "phd".',
      },
    ]);
    expect(errorsOf(validateSubmission(screener, { ...valid, availability: [10, 99] }))[0].field).toBe('availability');
  });

  it('rejects "none of these moments" together with a moment', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, availability: ['none', 10] }))).toEqual([
      {
        field: 'availability',
        message:
          'At which moments can you take part in the group conversation? – cannot combine "none" with other choices.',
        problem: 'cannot combine "none" with other choices.',
      },
    ]);
  });

  it('rejects a key that is not a question of the survey', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, isAdmin: true }))).toEqual([
      { field: 'isAdmin', message: '"isAdmin" is not a question of this survey.' },
    ]);
  });

  it('rejects an overlong text', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, firstName: 'a'.repeat(201) }))).toEqual([
      {
        field: 'firstName',
        message: 'First name – must be at most 200 characters (it has 201).',
        problem: 'must be at most 200 characters (it has 201).',
      },
    ]);
  });

  it('rejects wrong types', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, age: '81', firstName: 42 }))).toEqual([
      { field: 'age', message: 'How old are you? – must be a number.', problem: 'must be a number.' },
      { field: 'firstName', message: 'First name – must be text.', problem: 'must be text.' },
    ]);
    expect(errorsOf(validateSubmission(screener, { ...valid, availability: 10 }))[0].message).toBe(
      'At which moments can you take part in the group conversation? – must be a list of choices.',
    );
    expect(errorsOf(validateSubmission(screener, { ...valid, consent: 'yes' }))[0].message).toBe(
      'Do you agree to this? – must be yes or no.',
    );
  });

  it("applies the definition's validators: e-mail, age range, whole years", () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, email: 'anna-at-home' }))).toEqual([
      {
        field: 'email',
        message: 'E-mail address – Please enter a valid e-mail address.',
        problem: 'Please enter a valid e-mail address.',
      },
    ]);
    expect(errorsOf(validateSubmission(screener, { ...valid, age: 12 }))[0].field).toBe('age');
    expect(errorsOf(validateSubmission(screener, { ...valid, age: 47.5 }))).toEqual([
      {
        field: 'age',
        message: 'How old are you? – Please enter a whole number.',
        problem: 'Please enter a whole number.',
      },
    ]);
  });

  it('requires a phone number only from someone who wants to be called', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, contactPreference: 'phone' }))).toEqual([
      { field: 'phone', message: 'Phone number (optional) – Response required.', problem: 'Response required.' },
    ]);
    expect(validateSubmission(screener, { ...valid, contactPreference: 'phone', phone: '06 1234 5678' }).ok).toBe(true);
  });

  it('drops answers to questions the respondent could not see, and does not require them', () => {
    const result = validateSubmission(screener, { ...valid, organisation: 'none' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.organisation).toBe('none');
      expect(result.data).not.toHaveProperty('contactWhen');
      expect(result.data).not.toHaveProperty('selection');
      expect(result.data).not.toHaveProperty('availability');
    }
  });

  it('lets a draft skip required answers but still checks what is answered', () => {
    const knockOut = { organisation: 2, contactWhen: 'within-6-months' };
    expect(validateSubmission(screener, { ...knockOut, firstName: 'Anna' }, { partial: true })).toEqual({
      ok: true,
      data: { ...knockOut, firstName: 'Anna', consentVersion: 'v3' },
    });
    expect(
      errorsOf(validateSubmission(screener, { ...knockOut, firstName: 'Anna', email: 'nope' }, { partial: true })),
    ).toEqual([
      {
        field: 'email',
        message: 'E-mail address – Please enter a valid e-mail address.',
        problem: 'Please enter a valid e-mail address.',
      },
    ]);
    expect(errorsOf(validateSubmission(screener, { firstName: 'Anna' })).map((e) => e.field)).toContain('consent');
  });

  it('rejects an answer given to an older consent text', () => {
    expect(errorsOf(validateSubmission(screener, { ...valid, consentVersion: 'v2' }))).toEqual([
      { field: 'consentVersion', message: '"consentVersion" is "v2" but the survey now has "v3": reload the page.' },
    ]);
  });

  it('rejects answers that are not an object', () => {
    for (const data of [null, 'x', [valid]]) {
      expect(errorsOf(validateSubmission(screener, data))).toEqual([
        { field: '', message: 'The answers must be a JSON object.' },
      ]);
    }
  });

  it('checks the text of an "other" choice against the survey\'s comment limit, or a default one', () => {
    const question = { type: 'radiogroup', name: 'channel', choices: ['phone', 'desk'], showOtherItem: true };
    const unlimited = { elements: [question] };
    const limited = { maxCommentLength: 5, elements: [question] };
    expect(validateSubmission(unlimited, { channel: 'other', 'channel-Comment': 'by letter' })).toEqual({
      ok: true,
      data: { channel: 'other', 'channel-Comment': 'by letter' },
    });
    expect(errorsOf(validateSubmission(unlimited, { channel: 'other', 'channel-Comment': 'a'.repeat(2001) }))).toEqual([
      { field: 'channel-Comment', message: 'channel – is too long.', problem: 'is too long.' },
    ]);
    expect(errorsOf(validateSubmission(limited, { channel: 'other', 'channel-Comment': 'by letter' }))).toEqual([
      { field: 'channel-Comment', message: 'channel – is too long.', problem: 'is too long.' },
    ]);
    expect(errorsOf(validateSubmission(unlimited, { channel: 'other', 'channel-Comment': 7 }))[0].problem).toBe(
      'must be text.',
    );
  });

  it('keeps a rating within its scale and refuses question types it cannot check', () => {
    const definition = {
      elements: [
        { type: 'rating', name: 'score', rateMin: 1, rateMax: 5 },
        { type: 'matrix', name: 'grid', columns: ['a'], rows: ['r'] },
      ],
    };
    expect(validateSubmission(definition, { score: 5 }).ok).toBe(true);
    expect(errorsOf(validateSubmission(definition, { score: 9 }))).toEqual([
      { field: 'score', message: 'score – must be one of 1, 2, 3, 4, 5.', problem: 'must be one of 1, 2, 3, 4, 5.' },
    ]);
    expect(errorsOf(validateSubmission(definition, { grid: { r: 'a' } }))[0].message).toContain('cannot check');
  });
});

describe('definitionErrors', () => {
  it('names unknown properties in a definition', () => {
    expect(definitionErrors({ elements: [{ type: 'text', name: 'a', maxLenght: 5 }] })).toEqual([
      expect.stringContaining("'maxLenght'"),
    ]);
  });
});
