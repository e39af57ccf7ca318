// Made-up respondents for trying the platform out. Pure and seeded, so the demo is the same every time.
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS, RespondentProfile } from '../common/domain';
import { mulberry32 } from '../common/random';

const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chantal',
  'Dirk',
  'Esra',
  'Fenna',
  'Gijs',
  'Hanneke',
  'Imane',
  'Jeroen',
  'Kees',
  'Lotte',
  'Mohamed',
  'Noor',
  'Olga',
  'Pieter',
];

export interface DemoRespondent extends RespondentProfile {
  organisation: string;
  firstName: string;
  email: string;
}

/** `perBucket` respondents for every organisation × quadrant, with e-mail addresses on the reserved example.org domain. */
export function demoRespondents(organisations: string[], perBucket: number, seed = 2015): DemoRespondent[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out: DemoRespondent[] = [];
  for (const organisation of organisations) {
    for (const quadrant of QUADRANTS) {
      for (let i = 0; i < perBucket; i++) {
        const firstName = pick(FIRST_NAMES);
        const age = 20 + Math.floor(random() * 65);
        out.push({
          organisation,
          quadrant,
          firstName,
          email: `demo.${out.length + 1}@example.org`,
          gender: pick(GENDERS),
          age: String(age),
          ageMin: age,
          ageMax: age,
          education: pick(EDUCATIONS),
          digitalComfort: pick(DIGITAL_COMFORTS),
        });
      }
    }
  }
  return out;
}
