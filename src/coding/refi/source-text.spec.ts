import fc from 'fast-check';
import { buildHomeworkDefinition } from '../../surveys/homework-definition';
import { translators } from '../../common/view-engine';
import { buildHomeworkSource, mask, personalPatterns, wellFormed } from './source-text';

const definition = buildHomeworkDefinition({ organisation: 'Waterbedrijf Oost' }, translators());

const answers = {
  firstName: 'Johanna',
  contactMoments: 'Ik belde 👍 over mijn factuur.\nDaarna nog een mail.',
  channels: ['telefoon', 'e-mail'],
  contactMomentsRating: 'negatief',
  contactMomentsExplanation: 'Niemand wist het.',
  goal: '   ',
  goalReason: 'Mijn buurman Johanna-achtig? Nee: ik, Johanna, wilde weten waarom.',
  contactWhat: 'Gebeld op 06 1234 5678 en gemaild vanaf johanna@example.nl.',
};

describe(buildHomeworkSource.name, () => {
  const source = buildHomeworkSource({
    definition,
    answers,
    personal: ['Johanna', 'johanna@example.nl', '06-12345678'],
  });

  it('puts each answer under its question title, grouped under the step titles, in the order of the form', () => {
    expect(source.text).toBe(
      [
        'Het contactmoment',
        '',
        'Welk contactmoment of welke contactmomenten in het afgelopen half jaar met Waterbedrijf Oost zijn u het meest bijgebleven?',
        'Ik belde 👍 over mijn factuur.\nDaarna nog een mail.',
        '',
        'Hoe had u contact? Kies alles wat past.',
        'Telefoon, E-mail',
        '',
        'Wat was uw ervaring hierbij?',
        'Negatief',
        '',
        'Leg kort uit',
        'Niemand wist het.',
        '',
        'Het doel',
        '',
        'Waarom wilde u dit doel bereiken? Wat was de aanleiding?',
        'Mijn buurman *******-achtig? Nee: ik, *******, wilde weten waarom.',
        '',
        'Hoe ging het contact?',
        '',
        'Wat heeft u gedaan?',
        'Gebeld op ************ en gemaild vanaf ******************.',
        '',
      ].join('\n'),
    );
  });

  it('maps every free-text answer to where it sits, and only those', () => {
    expect(source.segments.map((s) => s.question)).toEqual([
      'contactMoments',
      'contactMomentsExplanation',
      'goalReason',
      'contactWhat',
    ]);
    for (const segment of source.segments) {
      const typed = answers[segment.question as keyof typeof answers] as string;
      expect(source.text.slice(segment.start, segment.end)).toBe(
        mask(typed, personalPatterns(['Johanna', 'johanna@example.nl', '06-12345678'])),
      );
      expect(segment.end - segment.start).toBe(typed.length);
    }
  });

  it('never contains the first name, e-mail address or phone number', () => {
    expect(source.text).not.toMatch(/johanna|example\.nl|5678/i);
  });

  it('writes the titles in English when asked, and the answers as typed', () => {
    const english = buildHomeworkSource({ definition, answers: { contactMoments: 'Ik belde.' }, locale: 'en' });
    expect(english.text).toBe(
      'The moment of contact\n\nWhich moment or moments of contact with Waterbedrijf Oost in the last six months stayed with you most?\nIk belde.\n',
    );
  });

  it('is a single line break for a homework without answers', () => {
    expect(buildHomeworkSource({ definition, answers: {} })).toEqual({ text: '\n', segments: [] });
  });
});

describe(personalPatterns.name, () => {
  const masked = (text: string, personal: string[]) => mask(text, personalPatterns(personal));

  it('masks a name only as a whole word, in any case', () => {
    expect(masked('Jan belde in januari met JAN en jan.', ['Jan'])).toBe('*** belde in januari met *** en ***.');
  });

  it.each(['0612345678', '06 12 34 56 78', '+31 6 1234 5678', '+31(0)6-12345678', '0031 612345678', '06.1234.5678'])(
    'masks the phone number 06-12345678 typed as %p',
    (typed) => {
      expect(masked(`Bel ${typed} maar.`, ['06-12345678'])).toBe(`Bel ${'*'.repeat(typed.length)} maar.`);
    },
  );

  it('does not mask other numbers that contain the same digits', () => {
    expect(masked('Klantnummer 106123456789', ['06-12345678'])).toBe('Klantnummer 106123456789');
  });

  it('masks a token or code inside a link, and ignores empty strings', () => {
    expect(masked('https://x.nl/h/AbC-123_x?y', ['AbC-123_x', ' '])).toBe('https://x.nl/h/*********?y');
  });

  it('masks a value that starts inside a passed-over one, and beside letters of other scripts and emoji', () => {
    expect(masked('ba-a-a', ['a-a'])).toBe('ba-***');
    expect(masked('Éva, éva en ÉVAa; 𝐀Eva 👍Eva', ['Éva', 'Eva'])).toBe('***, *** en ÉVAa; 𝐀Eva 👍***');
  });

  // The masking as it was written first: each pattern with its own look-behind and look-ahead. Exact, but making
  // the patterns of every respondent compiled these classes each time, seconds for a study.
  const lookaround = (text: string, personal: string[]) =>
    personalPatterns(personal)
      .map((p) => new RegExp(`(?<![\\p{L}\\p{N}])${p.source}(?![\\p{L}\\p{N}])`, 'giu'))
      .reduce((out, p) => out.replace(p, (found) => '*'.repeat(found.length)), text);

  it('masks exactly what patterns with look-behind and look-ahead mask, for any text and personal strings', () => {
    const pieces = [
      'a',
      'A',
      'é',
      'É',
      'b',
      '0',
      '1',
      '6',
      ' ',
      '-',
      '.',
      '+',
      '(',
      ')',
      '3',
      '𝐀',
      '👍',
      'ß',
      'ſ',
      's',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    const personal = fc.array(
      fc.oneof(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
        fc.constantFrom('06-12345678', '0612', '+31 6 1234 5678'),
      ),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(text, personal, (t, p) => {
        expect(mask(t, personalPatterns(p))).toBe(lookaround(t, p));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });
});

describe(wellFormed.name, () => {
  it('replaces lone surrogates by U+FFFD one for one and keeps pairs', () => {
    expect(wellFormed('a\uD83Db\uDC4Dc👍\uD83D')).toBe('a\uFFFDb\uFFFDc👍\uFFFD');
    expect(Buffer.from(wellFormed('x\uD83D'), 'utf8').toString('utf8')).toBe('x\uFFFD');
  });
});
