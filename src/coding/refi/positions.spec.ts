import fc from 'fast-check';
import { alignSource, codePointIndex, codePointLength, toCodePoint, toUtf16 } from './positions';

const TEXT = 'Hallo 👍 daar\nnaïef 😐';

describe(codePointLength.name, () => {
  it('counts an emoji (a surrogate pair) once and a combining-free accent once', () => {
    expect(TEXT.length).toBe(22);
    expect(codePointLength(TEXT)).toBe(20);
    expect(codePointLength('')).toBe(0);
  });

  it('counts a lone surrogate as one code point, as a UTF-8 encoder would replace it by one character', () => {
    expect(codePointLength('a\uD83Db')).toBe(3);
  });
});

describe(codePointIndex.name, () => {
  it('lists the UTF-16 index of every code point and the end', () => {
    expect(codePointIndex('a👍b')).toEqual([0, 1, 3, 4]);
  });
});

describe(toCodePoint.name, () => {
  it('counts the code points before a UTF-16 index', () => {
    expect(toCodePoint(TEXT, 0)).toBe(0);
    expect(toCodePoint(TEXT, 6)).toBe(6);
    expect(toCodePoint(TEXT, 9)).toBe(8);
    expect(TEXT.slice(9, 13)).toBe('daar');
    expect(toCodePoint(TEXT, 13)).toBe(12);
    expect(toCodePoint(TEXT, TEXT.length)).toBe(20);
  });

  it('refuses an index inside a surrogate pair or outside the text', () => {
    expect(toCodePoint(TEXT, 7)).toBeNull();
    expect(toCodePoint(TEXT, -1)).toBeNull();
    expect(toCodePoint(TEXT, TEXT.length + 1)).toBeNull();
    expect(toCodePoint(TEXT, 1.5)).toBeNull();
  });
});

describe(toUtf16.name, () => {
  it('finds the UTF-16 index of a code point position', () => {
    expect(toUtf16(TEXT, 8)).toBe(9);
    expect(toUtf16(TEXT, 20)).toBe(TEXT.length);
    expect(toUtf16(TEXT, 21)).toBeNull();
    expect(toUtf16(TEXT, -1)).toBeNull();
  });

  it('is the inverse of toCodePoint for every index that does not split a pair', () => {
    // Pairs, lone high and low surrogates next to each other in any order, and plain characters.
    const unit = fc.constantFrom('a', 'é', '👍', '𝒜', '\uD83D', '\uDC4D', '\n', '\r', '\u0000');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 20 }).map((units) => units.join('')),
        (text) => {
          const index = codePointIndex(text);
          const back = index.map((i) => toUtf16(text, toCodePoint(text, i)!));
          expect(back).toEqual(index);
        },
      ),
    );
  });
});

describe(alignSource.name, () => {
  const ours = 'Vraag één\nAntwoord 👍 hier\n\nVraag twee\nNog een';

  it('maps positions in a copy with CR LF line endings onto our text', () => {
    const theirs = ours.replace(/\n/g, '\r\n');
    const alignment = alignSource(theirs, ours)!;
    // "hier" is at code points 21–25 in their file (one CR before it) and 20–24 in ours (UTF-16 21–25).
    const start = [...theirs].join('').indexOf('hier');
    expect(alignment.toOurs(codePointLength(theirs.slice(0, start)))).toBe(ours.indexOf('hier'));
    const twee = codePointLength(theirs.slice(0, theirs.indexOf('twee')));
    expect(twee).toBe(codePointLength(ours.slice(0, ours.indexOf('twee'))) + 3);
    expect(alignment.toOurs(twee)).toBe(ours.indexOf('twee'));
    expect(alignment.toOurs(codePointLength(theirs))).toBe(ours.length);
    expect(alignment.toOurs(codePointLength(theirs) + 1)).toBeNull();
  });

  it('maps a position between CR and LF to the start of our line break', () => {
    const alignment = alignSource('a\r\nb', 'a\nb')!;
    expect([0, 1, 2, 3, 4].map((p) => alignment.toOurs(p))).toEqual([0, 1, 1, 2, 3]);
  });

  it('maps positions of a tool that counts a CR LF as one position', () => {
    const alignment = alignSource('a\r\nb\r\nc', 'a\nb\r\nc', 'one')!;
    expect([0, 1, 2, 3, 4, 5].map((p) => alignment.toOurs(p))).toEqual([0, 1, 2, 3, 5, 6]);
    expect(alignSource('a\r\nb', 'a\nb', 'two')!.toOurs(3)).toBe(2);
  });

  it('accepts old Mac line breaks, a byte-order mark and a line break added at the end', () => {
    const alignment = alignSource('\uFEFFa\rb\r\n', 'a\nb')!;
    expect([0, 1, 2, 3, 4, 5].map((p) => alignment.toOurs(p))).toEqual([0, 1, 2, 3, 3, 3]);
  });

  it('accepts their text without the whitespace ours ends with', () => {
    expect(alignSource('a', 'a\n')!.toOurs(1)).toBe(1);
  });

  it('refuses a text that was changed', () => {
    expect(alignSource('Vraag een', 'Vraag één')).toBeNull();
    expect(alignSource('abc', 'ab')).toBeNull();
    expect(alignSource('ab', 'abc')).toBeNull();
  });

  it('maps every position of a CR LF copy to the same character as in ours, for any text', () => {
    const pieces = fc.oneof(fc.constantFrom('\n', '👍', 'é', 'a', ' ', 'x'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const ourText = parts.join('').replace(/\r/g, '');
        const theirText = ourText.replace(/\n/g, '\r\n');
        const alignment = alignSource(theirText, ourText)!;
        expect(alignment).not.toBeNull();
        const theirChars = [...theirText];
        theirChars.forEach((char, position) => {
          const index = alignment.toOurs(position)!;
          if (char === '\r' || char === '\n') expect(ourText[index]).toBe('\n');
          else expect(ourText.codePointAt(index)).toBe(char.codePointAt(0));
        });
      }),
    );
  });
});
