import { answersToKeep, respondentFromAnswers, ScreenerAnswerError } from './screener-answers';

const eligible = {
  consent: true,
  firstName: ' Fatima ',
  email: 'fatima@example.org',
  contactPreference: 'email',
  gender: 'v',
  age: 67,
  education: 'mbo',
  digitalComfort: 'oncomfortabel',
  organisation: 3,
  contactWhen: 'within-6-months',
  selection: 'rust-in-je-hoofdzoeker',
  availability: [11, 12],
  consentVersion: '2026-12',
};

describe('respondentFromAnswers', () => {
  it('maps validated answers onto the canonical attributes and the chosen quadrant', () => {
    expect(respondentFromAnswers(eligible)).toEqual({
      firstName: 'Fatima',
      email: 'fatima@example.org',
      phone: null,
      contactPreference: 'email',
      gender: 'v',
      age: '67',
      ageMin: 67,
      ageMax: 67,
      education: 'mbo',
      digitalComfort: 'oncomfortabel',
      organisationId: 3,
      quadrant: 'rust-in-je-hoofdzoeker',
      availability: [11, 12],
      eligible: true,
      reason: null,
    });
  });

  it('reads "none of these moments" as no availability', () => {
    expect(respondentFromAnswers({ ...eligible, availability: ['none'] }).availability).toEqual([]);
  });

  it('gives no quadrant and the reason when the respondent is not eligible', () => {
    const late = respondentFromAnswers({
      ...eligible,
      contactWhen: 'longer-ago',
      selection: undefined,
      availability: undefined,
    });
    expect(late).toMatchObject({
      eligible: false,
      reason: 'contact-too-long-ago',
      quadrant: null,
      organisationId: 3,
      availability: [],
    });
    const none = respondentFromAnswers({ ...eligible, organisation: 'none', contactWhen: undefined });
    expect(none).toMatchObject({ eligible: false, reason: 'no-organisation', organisationId: null, quadrant: null });
  });

  it('keeps no name, contact details or profile of someone who is turned away, even when the answers hold them', () => {
    const late = respondentFromAnswers({ ...eligible, phone: '06 12345678', contactWhen: 'longer-ago' });
    expect(late).toMatchObject({
      firstName: null,
      email: null,
      phone: null,
      contactPreference: null,
      gender: null,
      age: null,
      ageMin: null,
      ageMax: null,
      education: null,
      digitalComfort: null,
    });
    // Nothing else is needed from them: no profile question has to be answered.
    expect(respondentFromAnswers({ consent: true, organisation: 'none' })).toMatchObject({
      eligible: false,
      email: null,
    });
  });

  it('stores only the consent and the knock-out answers of someone who is turned away', () => {
    const late = { ...eligible, phone: '06 12345678', contactWhen: 'longer-ago' };
    expect(answersToKeep(late, false)).toEqual({
      consent: true,
      consentVersion: '2026-12',
      organisation: 3,
      contactWhen: 'longer-ago',
    });
    expect(answersToKeep(eligible, true)).toBe(eligible);
  });

  it('refuses answers a definition without the needed questions would let through', () => {
    expect(() => respondentFromAnswers({ ...eligible, selection: undefined })).toThrow(ScreenerAnswerError);
    expect(() => respondentFromAnswers({ ...eligible, email: undefined })).toThrow(/"email"/);
    expect(() => respondentFromAnswers({ ...eligible, age: 300 })).toThrow(
      /"age" is not understood \(importReason.ageAbove\)/,
    );
  });
});
