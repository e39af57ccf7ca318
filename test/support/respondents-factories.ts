import { randomUUID } from 'crypto';

/** A complete, eligible screener answer set for the generated screener. */
export function screenerAnswers(
  organisationId: number,
  slotId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    consent: true,
    firstName: 'Fatima',
    email: 'fatima@example.org',
    phone: '06 12345678',
    contactPreference: 'email',
    gender: 'v',
    age: 67,
    education: 'mbo',
    digitalComfort: 'oncomfortabel',
    organisation: organisationId,
    contactWhen: 'within-6-months',
    selection: 'zekerheidszoeker',
    availability: [slotId],
    ...overrides,
  };
}

export function screenerEnvelope(
  definitionVersion: number,
  answers: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return { submissionId: randomUUID(), definitionVersion, locale: 'nl', answers, ...extra };
}
