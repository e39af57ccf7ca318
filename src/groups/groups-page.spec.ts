import { reasonText, shortfallText } from './groups-page';

describe('groups page explanations', () => {
  it('says how short a bucket is in Dutch and English, also when nobody applied', () => {
    const empty = {
      organisation: 'Gemeente Utrecht',
      quadrant: 'gemakzoeker' as const,
      candidates: 0,
      needed: 3,
      placed: 0,
    };
    expect(shortfallText(empty, 'nl')).toBe('Gemeente Utrecht × Gemakzoeker: 0 van 3 nodig');
    expect(shortfallText(empty, 'en')).toBe('Gemeente Utrecht × Convenience seeker: 0 of 3 needed');
  });

  it('does not call a bucket with enough candidates short of candidates: it names the missing shared slot', () => {
    const noSlot = { organisation: 'RET', quadrant: 'informatiezoeker' as const, candidates: 5, needed: 3, placed: 0 };
    expect(shortfallText(noSlot, 'nl')).toBe(
      'RET × Informatiezoeker: 0 van 3 geplaatst; de andere 5 kandidaten hebben geen sessiemoment samen met genoeg anderen',
    );
    expect(shortfallText(noSlot, 'en')).toBe(
      'RET × Information seeker: 0 of 3 placed; the other 5 candidates share no session slot with enough others',
    );
  });

  it('explains every reason for being left out in both languages, naming missing fields in the same language', () => {
    const codes = [
      'bucket-full',
      'no-slot',
      'too-few-candidates',
      'no-common-slot',
      'no-slot-with-group',
      'not-partner',
      'not-grouped-yet',
    ];
    for (const code of codes) {
      const nl = reasonText({ code, missing: [] }, 'nl');
      const en = reasonText({ code, missing: [] }, 'en');
      expect(nl).not.toContain('groups.');
      expect(en).not.toContain('groups.');
      expect(nl).not.toBe(en);
    }
    expect(reasonText({ code: 'bucket-full', missing: [] }, 'nl')).toBe(
      'alle plaatsen en reserveplaatsen van deze organisatie en dit kwadrant zijn al bezet',
    );
    expect(reasonText({ code: 'incomplete', missing: ['gender', 'digital comfort'] }, 'nl')).toBe(
      'het profiel is niet compleet (ontbreekt: geslacht, digitaal comfort); vul het aan om deze respondent mee te nemen',
    );
    expect(reasonText({ code: 'incomplete', missing: ['gender', 'digital comfort'] }, 'en')).toBe(
      'the profile is incomplete (missing: gender, digital comfort); complete it to include this respondent',
    );
  });
});
