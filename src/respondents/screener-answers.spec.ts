import { respondentFromAnswers, ScreenerAnswerError } from './screener-answers';

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
  consentVersion: '2026-11',
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
    const late = respondentFromAnswers({ ...eligible, contactWhen: 'longer-ago', selection: undefined, availability: undefined });
    expect(late).toMatchObject({ eligible: false, reason: 'contact-too-long-ago', quadrant: null, organisationId: 3, availability: [] });
    const none = respondentFromAnswers({ ...eligible, organisation: 'none', contactWhen: undefined });
    expect(none).toMatchObject({ eligible: false, reason: 'no-organisation', organisationId: null, quadrant: null });
  });

  it('refuses answers a definition without the needed questions would let through', () => {
    expect(() => respondentFromAnswers({ ...eligible, selection: undefined })).toThrow(ScreenerAnswerError);
    expect(() => respondentFromAnswers({ ...eligible, email: undefined })).toThrow(/"email"/);
    expect(() => respondentFromAnswers({ ...eligible, age: 300 })).toThrow(/above 120/);
  });
});
