import {
  OPEN_BAND_MAX_AGE,
  Result,
  normaliseAge,
  normaliseDigitalComfort,
  normaliseEducation,
  normaliseGender,
  normaliseOrganisation,
  normaliseQuadrant,
} from './normalise';
import { DIGITAL_COMFORTS, EDUCATIONS, LOCALES, QUADRANTS } from '../common/domain';
import { Translations } from '../common/i18n';
import { templatesDir, translator } from '../common/view-engine';

const catalogue = new Translations(templatesDir());

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${JSON.stringify(result.reason)}`);
  return result.value;
}

/** The failure's reason as an English reader gets it. */
function reason<T>(result: Result<T>): string {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return catalogue.t('en', result.reason.key, result.reason.vars);
}

describe('normaliseGender', () => {
  it.each([
    ['m', 'm'],
    ['M', 'm'],
    ['Man', 'm'],
    [' man ', 'm'],
    ['male', 'm'],
    ['Mannelijk', 'm'],
    ['dhr.', 'm'],
    ['v', 'v'],
    ['V', 'v'],
    ['Vrouw', 'v'],
    ['female', 'v'],
    ['F', 'v'],
    ['vrouwelijk', 'v'],
    ['Mevr.', 'v'],
    ['♀', 'v'],
    ['x', 'x'],
    ['X', 'x'],
    ['anders', 'x'],
    ['Other', 'x'],
    ['non-binair', 'x'],
    ['Zeg ik liever niet', 'x'],
    ['prefer not to say', 'x'],
  ])('%s -> %s', (raw, expected) => {
    expect(value(normaliseGender(raw))).toBe(expected);
  });

  it('refuses an unknown word and says what it expects', () => {
    expect(reason(normaliseGender('q'))).toBe(
      'unknown gender "q"; expected m (man), v (vrouw) or x (anders / zeg ik liever niet)',
    );
  });

  it('refuses an empty cell as missing', () => {
    expect(reason(normaliseGender('  '))).toBe('value is missing');
  });
});

describe('normaliseAge', () => {
  it.each([
    ['47', '47', 47, 47],
    [' 47 ', '47', 47, 47],
    ['80 jaar', '80', 80, 80],
    ['47 years', '47', 47, 47],
    ['45-54', '45-54', 45, 54],
    ['45 - 54', '45-54', 45, 54],
    ['45–54', '45-54', 45, 54],
    ['45—54 jaar', '45-54', 45, 54],
    ['65-70', '65-70', 65, 70],
    ['45 t/m 54', '45-54', 45, 54],
    ['65+', '65+', 65, OPEN_BAND_MAX_AGE],
    ['65 +', '65+', 65, OPEN_BAND_MAX_AGE],
    ['65 jaar en ouder', '65+', 65, OPEN_BAND_MAX_AGE],
    ['65 and over', '65+', 65, OPEN_BAND_MAX_AGE],
  ])('%s -> %s (%d..%d)', (raw, age, ageMin, ageMax) => {
    expect(value(normaliseAge(raw))).toEqual({ age, ageMin, ageMax });
  });

  it('refuses words, backwards bands and impossible ages', () => {
    expect(reason(normaliseAge('vijftig'))).toBe(
      'cannot read age "vijftig"; expected whole years (47) or a band (45-54, 65+)',
    );
    expect(reason(normaliseAge('54-45'))).toBe('age band "54-45" runs backwards; write the lower age first');
    expect(reason(normaliseAge('130'))).toBe('age "130" is above 120');
    expect(reason(normaliseAge('47.5'))).toMatch(/^cannot read age/);
    expect(reason(normaliseAge(''))).toBe('value is missing');
  });
});

describe('normaliseEducation', () => {
  it.each([
    ['HAVO / VWO', 'havo-vwo'],
    ['havo/vwo', 'havo-vwo'],
    ['Havo / VWO', 'havo-vwo'],
    ['havo / VWO', 'havo-vwo'],
    ['havo\nvwo', 'havo-vwo'],
    ['VWO', 'havo-vwo'],
    ['gymnasium', 'havo-vwo'],
    ['Senior general secondary (havo/vwo)', 'havo-vwo'],
    ['universiteit of hoger', 'wo'],
    ['Universiteit of hoger', 'wo'],
    [' universiteit of  hoger', 'wo'],
    ['Universiteit', 'wo'],
    ['WO', 'wo'],
    ['wo master', 'wo'],
    ['University or higher', 'wo'],
    ['wetenschappelijk onderwijs', 'wo'],
    ['lagere school', 'basisonderwijs'],
    ['Basisschool', 'basisonderwijs'],
    ['basisonderwijs', 'basisonderwijs'],
    ['Primary school', 'basisonderwijs'],
    ['geen', 'basisonderwijs'],
    ['Geen opleiding', 'basisonderwijs'],
    ['Mavo', 'vmbo-mavo-lbo'],
    ['LBO', 'vmbo-mavo-lbo'],
    ['VMBO / MAVO / LBO', 'vmbo-mavo-lbo'],
    ['VMBO / MAVO/ LBO', 'vmbo-mavo-lbo'],
    ['VMBO/MAVO/LBO', 'vmbo-mavo-lbo'],
    ['vmbo-t', 'vmbo-mavo-lbo'],
    ['MULO', 'vmbo-mavo-lbo'],
    ['Pre-vocational secondary (vmbo/mavo/lbo)', 'vmbo-mavo-lbo'],
    ['voorbereidend wetenschappelijk onderwijs', 'havo-vwo'],
    ['mbo', 'mbo'],
    ['MBO', 'mbo'],
    ['MBO 4', 'mbo'],
    ['m.b.o.', 'mbo'],
    ['Vocational (mbo)', 'mbo'],
    ['MTS', 'mbo'],
    ['hbo', 'hbo'],
    ['HBO', 'hbo'],
    ['Hogeschool', 'hbo'],
    ['hoger beroepsonderwijs', 'hbo'],
    ['Higher professional (hbo)', 'hbo'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(normaliseEducation(raw))).toBe(expected);
  });

  it('asks which school when only "middelbare school" is given', () => {
    expect(reason(normaliseEducation('Middelbare school'))).toBe(
      'education "Middelbare school" is ambiguous; say which secondary school: VMBO / MAVO / LBO, HAVO / VWO or MBO',
    );
  });

  it('refuses two different levels in one cell', () => {
    expect(reason(normaliseEducation('mbo/hbo'))).toBe(
      'education "mbo/hbo" names more than one level (mbo, hbo); give the highest completed level',
    );
  });

  it('lists the levels for an unknown word', () => {
    expect(reason(normaliseEducation('kleuterschool'))).toBe(
      'unknown education level "kleuterschool"; expected one of: Basisonderwijs, VMBO / MAVO / LBO, HAVO / VWO, MBO, HBO, Universiteit of hoger',
    );
  });
});

describe('normaliseDigitalComfort', () => {
  it.each([
    ['Zeer comfortabel', 'zeer-comfortabel'],
    ['zeer\ncomfortabel', 'zeer-comfortabel'],
    ['ZEER  COMFORTABEL', 'zeer-comfortabel'],
    ['very comfortable', 'zeer-comfortabel'],
    ['zeer-comfortabel', 'zeer-comfortabel'],
    ['5', 'zeer-comfortabel'],
    ['comfortabel', 'comfortabel'],
    ['Comfortable', 'comfortabel'],
    ['4', 'comfortabel'],
    ['Neutraal', 'neutraal'],
    ['neutral', 'neutraal'],
    ['3', 'neutraal'],
    ['oncomfortabel', 'oncomfortabel'],
    ['Uncomfortable', 'oncomfortabel'],
    ['niet comfortabel', 'oncomfortabel'],
    ['2', 'oncomfortabel'],
    ['Zeer oncomfortabel', 'zeer-oncomfortabel'],
    ['very uncomfortable', 'zeer-oncomfortabel'],
    ['1', 'zeer-oncomfortabel'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(normaliseDigitalComfort(raw))).toBe(expected);
  });

  it('refuses an unknown word and a point off the scale', () => {
    expect(reason(normaliseDigitalComfort('soms'))).toBe(
      'unknown digital comfort "soms"; expected one of: Zeer oncomfortabel, Oncomfortabel, Neutraal, Comfortabel, Zeer comfortabel (or 1-5)',
    );
    expect(reason(normaliseDigitalComfort('6'))).toMatch(/^unknown digital comfort "6"/);
  });
});

describe('normaliseQuadrant', () => {
  it.each([
    ['Informatiezoeker', 'informatiezoeker'],
    ['informatiezoekers', 'informatiezoeker'],
    ['INFORMATIEZOEKER', 'informatiezoeker'],
    ['Information seeker', 'informatiezoeker'],
    ['Information seekers', 'informatiezoeker'],
    ['Zekerheidszoeker', 'zekerheidszoeker'],
    ['Zekerheidszoekers', 'zekerheidszoeker'],
    ['Certainty seeker', 'zekerheidszoeker'],
    ['certainty seekers', 'zekerheidszoeker'],
    ['Rust-in-je-hoofdzoeker', 'rust-in-je-hoofdzoeker'],
    ['Rust-in-je-hoofdzoekers', 'rust-in-je-hoofdzoeker'],
    ['Rust-in-je-\nhoofdzoeker', 'rust-in-je-hoofdzoeker'],
    ['Rust in je hoofd zoeker', 'rust-in-je-hoofdzoeker'],
    ['rust-in-je-hoofd-zoekers', 'rust-in-je-hoofdzoeker'],
    ['rust-in-je-hoofdzoekers', 'rust-in-je-hoofdzoeker'],
    ['Peace-of-mind seeker', 'rust-in-je-hoofdzoeker'],
    ['peace of mind seekers', 'rust-in-je-hoofdzoeker'],
    ['Gemakzoeker', 'gemakzoeker'],
    ['Gemakzoekers', 'gemakzoeker'],
    ['gemakszoeker', 'gemakzoeker'],
    ['Convenience seeker', 'gemakzoeker'],
    ['Convenience seekers', 'gemakzoeker'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(normaliseQuadrant(raw))).toBe(expected);
  });

  it('lists the four quadrants for an unknown word', () => {
    expect(reason(normaliseQuadrant('Twijfelaar'))).toBe(
      'unknown quadrant "Twijfelaar"; expected one of: Informatiezoeker (Information seeker), Zekerheidszoeker (Certainty seeker), ' +
        'Rust-in-je-hoofdzoeker (Peace-of-mind seeker), Gemakzoeker (Convenience seeker)',
    );
  });
});

describe('normaliseOrganisation', () => {
  const organisations = ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht'];

  it.each([
    ['gemeente utrecht', 'Gemeente Utrecht'],
    ['GEMEENTE  UTRECHT', 'Gemeente Utrecht'],
    ['Gemeente\nUtrecht', 'Gemeente Utrecht'],
    ['ret', 'RET'],
    [' Vitens ', 'Vitens'],
    ['belastingdienst', 'Belastingdienst'],
  ])('%j -> %s', (raw, expected) => {
    expect(value(normaliseOrganisation(raw, organisations))).toBe(expected);
  });

  it("lists the study's organisations for an unknown one", () => {
    expect(reason(normaliseOrganisation('Waterschap Rijn', organisations))).toBe(
      `unknown organisation "Waterschap Rijn"; this study's organisations are: RET, Vitens, Belastingdienst, Gemeente Utrecht`,
    );
  });

  it('says so when the study has no organisations yet', () => {
    expect(reason(normaliseOrganisation('RET', []))).toBe(
      'unknown organisation "RET"; this study has no organisations yet',
    );
  });
});

describe('the words pages and exports show (message catalogue)', () => {
  // Exports and pages print these words; a file made from them must import again, in either language.
  it.each(LOCALES.map((locale) => [locale]))('are read back in %s', (locale) => {
    const t = translator(locale);
    for (const e of EDUCATIONS) expect(value(normaliseEducation(t(`education.${e}`)))).toBe(e);
    for (const c of DIGITAL_COMFORTS) expect(value(normaliseDigitalComfort(t(`digitalComfort.${c}`)))).toBe(c);
    for (const q of QUADRANTS) {
      expect(value(normaliseQuadrant(t(`quadrant.${q}`)))).toBe(q);
      expect(value(normaliseQuadrant(t(`quadrantPlural.${q}`)))).toBe(q);
    }
  });
});

describe('spellings of the report table (Bijlage 5)', () => {
  it('reads the "%" that PDF extraction left for the ♀ sign as v', () => {
    expect(normaliseGender('%')).toEqual({ ok: true, value: 'v' });
  });

  it('accepts a shortened organisation name when exactly one organisation contains it', () => {
    expect(normaliseOrganisation('Utrecht', ['Belastingdienst', 'Gemeente Utrecht'])).toEqual({
      ok: true,
      value: 'Gemeente Utrecht',
    });
    expect(normaliseOrganisation('Gemeente', ['Gemeente Utrecht', 'Gemeente Amersfoort']).ok).toBe(false);
  });
});

describe('further real-world spellings (generous, never wrong)', () => {
  it.each([
    ['Anders of zeg ik liever niet', 'x'],
    ['anders / zeg ik liever niet', 'x'],
    ['Vrouw / F', 'v'],
    ['Mevrouw', 'v'],
    ['Vr.', 'v'],
    ['Vrw', 'v'],
    ['de heer', 'm'],
    ['Meneer', 'm'],
  ])('gender %s -> %s', (raw, expected) => {
    expect(value(normaliseGender(raw))).toBe(expected);
  });

  it('refuses a gender cell that names two genders', () => {
    expect(reason(normaliseGender('m/v'))).toContain('unknown gender "m/v"');
    expect(reason(normaliseGender('Man of vrouw'))).toContain('unknown gender');
  });

  it('refuses ages below the screener minimum of 16 (a 0 is usually an empty cell)', () => {
    expect(reason(normaliseAge('0'))).toBe('age "0" is below 16; respondents must be 16 or older');
    expect(reason(normaliseAge('10-14'))).toContain('below 16');
    expect(value(normaliseAge('16'))).toEqual({ age: '16', ageMin: 16, ageMax: 16 });
  });

  it.each([
    ['HBO master', 'hbo'],
    ['WO master', 'wo'],
    ['Master', 'wo'],
    ['Doctoraat', 'wo'],
    ['HBO-bachelor', 'hbo'],
  ])('education %s -> %s (a degree names a level only when no school does)', (raw, expected) => {
    expect(value(normaliseEducation(raw))).toBe(expected);
  });

  it('still refuses "Bachelor" alone (hbo or wo) and two schools in one cell', () => {
    expect(reason(normaliseEducation('Bachelor'))).toContain('unknown education level');
    expect(reason(normaliseEducation('HBO/WO'))).toContain('more than one level');
  });

  it.each([
    ['5 - zeer comfortabel', 'zeer-comfortabel'],
    ['3 (neutraal)', 'neutraal'],
    ['Oncomfortabel (2)', 'oncomfortabel'],
    ['1. Zeer oncomfortabel', 'zeer-oncomfortabel'],
  ])('digital comfort %s -> %s', (raw, expected) => {
    expect(value(normaliseDigitalComfort(raw))).toBe(expected);
  });

  it('refuses a scale point that contradicts its label', () => {
    expect(reason(normaliseDigitalComfort('4 - neutraal'))).toContain('unknown digital comfort');
  });

  it('reads "info seeker" as informatiezoeker', () => {
    expect(value(normaliseQuadrant('Info seekers'))).toBe('informatiezoeker');
  });

  const orgs = ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht', 'Gemeente Amsterdam'];
  it.each([
    ['De Belastingdienst', 'Belastingdienst'],
    ['Vitens N.V.', 'Vitens'],
    ['Vitens NV', 'Vitens'],
    ['Gem. Utrecht', 'Gemeente Utrecht'],
    ['gemeente  utrecht', 'Gemeente Utrecht'],
  ])('organisation %s -> %s', (raw, expected) => {
    expect(value(normaliseOrganisation(raw, orgs))).toBe(expected);
  });

  it('refuses an organisation that fits more than one or none', () => {
    expect(reason(normaliseOrganisation('Gemeente', orgs))).toContain("this study's organisations are");
    expect(reason(normaliseOrganisation('RET Rotterdam', orgs))).toContain('unknown organisation');
  });
});
