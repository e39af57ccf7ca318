import fc from 'fast-check';
import { AppError } from './app-error';
import {
  BODY_LIMIT_BYTES,
  bodyKind,
  checkBodyHeaders,
  checkQuery,
  decodeUtf8,
  MAX_JSON_DEPTH,
  nestingDepth,
  parseFormBody,
  parseJsonBody,
} from './request-body';

/** The code of the AppError that fn throws (fails the test when it throws something else or nothing). */
function codeOf(fn: () => unknown): string {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(AppError);
  return (thrown as AppError).code;
}

const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);

describe(bodyKind.name, () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['Application/JSON', 'json'],
    ['application/merge-patch+json', 'json'],
    ['application/x-www-form-urlencoded', 'form'],
    ['text/plain', 'other'],
    ['application/jsonx', 'other'],
    [undefined, 'other'],
  ])('%p is %p', (type, kind) => expect(bodyKind(type)).toBe(kind));
});

describe(checkBodyHeaders.name, () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    'application/json; charset=utf8',
  ])('accepts %p', (type) => {
    expect(() => checkBodyHeaders(type, undefined, '10')).not.toThrow();
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/x-www-form-urlencoded; charset=iso-8859-1',
    'application/json; charset=',
  ])('refuses the character set in %p', (type) =>
    expect(codeOf(() => checkBodyHeaders(type, undefined, '10'))).toBe('request.charset'),
  );

  it('refuses a compressed body, and one announced larger than the limit', () => {
    expect(codeOf(() => checkBodyHeaders('application/json', 'gzip', '10'))).toBe('request.encoding');
    expect(() => checkBodyHeaders('application/json', 'identity', '10')).not.toThrow();
    expect(codeOf(() => checkBodyHeaders('application/json', undefined, String(BODY_LIMIT_BYTES + 1)))).toBe(
      'request.too_large',
    );
  });
});

describe(decodeUtf8.name, () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('\ufeff{"naam":"Zoë"}', 'utf8'))).toBe('{"naam":"Zoë"}');
  });

  it.each([
    ['a Latin-1 byte', [0x5a, 0x6f, 0xeb]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a cut-off sequence', [0xe2, 0x82]],
    ['UTF-16', [...Buffer.from('{}', 'utf16le')].concat([0x00, 0xd8])],
  ])('refuses %s', (_, bytes) => expect(codeOf(() => decodeUtf8(Uint8Array.from(bytes)))).toBe('request.invalid_utf8'));
});

describe(parseJsonBody.name, () => {
  it('gives the object, and {} for an empty body', () => {
    expect(parseJsonBody('{"revision":0,"data":{"a":[1,"twee"]}}')).toEqual({ revision: 0, data: { a: [1, 'twee'] } });
    expect(parseJsonBody('  ')).toEqual({});
  });

  it('refuses broken JSON without the parser text', () => {
    const err = (() => {
      try {
        parseJsonBody("{'revision': 0}");
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toMatchObject({ code: 'request.invalid_json', message: 'The request body is not valid JSON.' });
  });

  it.each(['3', '"text"', 'null', 'true', '[]', '[{"revision":0}]'])('refuses the top-level %p', (text) => {
    expect(codeOf(() => parseJsonBody(text))).toBe('request.not_object');
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, also when the text is not JSON`, () => {
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(codeOf(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1)))).toBe('request.too_deep');
    expect(codeOf(() => parseJsonBody('['.repeat(100_000)))).toBe('request.too_deep');
  });

  it.each([
    ['a NUL in a value', '{"a":"x\\u0000y"}'],
    ['a NUL in a key', '{"a\\u0000":1}'],
    ['a lone high surrogate', '{"a":"\\ud800"}'],
    ['a lone low surrogate deep down', '{"a":[{"b":["\\udc00x"]}]}'],
    ['a surrogate pair the wrong way round', '{"a":"\\udc00\\ud800"}'],
  ])('refuses %s', (_, text) => expect(codeOf(() => parseJsonBody(text))).toBe('request.invalid_text'));

  it('accepts a proper surrogate pair (an emoji)', () => {
    expect(parseJsonBody('{"a":"\\ud83d\\ude00"}')).toEqual({ a: '😀' });
  });
});

describe(nestingDepth.name, () => {
  it('counts brackets outside strings only', () => {
    expect(nestingDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(nestingDepth('{"a":"\\"[["}')).toBe(1);
    expect(nestingDepth('3')).toBe(0);
  });

  it('reads escapes inside strings as JSON does: an escaped backslash does not escape the quote after it', () => {
    expect(nestingDepth('["a\\\\",["b"]]')).toBe(2);
    expect(nestingDepth('["a\\\\\\"],["b"]]')).toBe(1);
    expect(nestingDepth('[["unterminated [[[')).toBe(2);
  });

  it('equals the depth of the parsed value for any JSON', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(nestingDepth(text)).toBe(depthOf(JSON.parse(text)));
      }),
      { seed: 14, numRuns: 500 },
    );
  });

  it('counts like a reading character by character on any text, broken JSON included', () => {
    // The straightforward reading: outside a string count brackets, inside skip an escaped character.
    const oneByOne = (text: string): number => {
      let [depth, deepest, inString] = [0, 0, false];
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
        else if (c === '}' || c === ']') depth--;
      }
      return deepest;
    };
    const pieces = fc.constantFrom('"', '\\', '{', '}', '[', ']', 'a', ':', ',');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(nestingDepth(text)).toBe(oneByOne(text));
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});

describe(parseFormBody.name, () => {
  it('reads fields like Express does, a repeated name as a list', () => {
    expect({ ...parseFormBody('naam=Zo%C3%AB+de+Vries&slot=1&slot=2&leeg=&alleen') }).toEqual({
      naam: 'Zoë de Vries',
      slot: ['1', '2'],
      leeg: '',
      alleen: '',
    });
  });

  it.each([
    ['a Latin-1 escape', 'naam=Zo%EB', 'request.invalid_utf8'],
    ['an encoded surrogate', 'naam=%ED%A0%80', 'request.invalid_utf8'],
    ['a broken escape', 'naam=%E', 'request.invalid_utf8'],
    ['a NUL', 'naam=a%00b', 'request.invalid_text'],
  ])('refuses %s', (_, text, code) => expect(codeOf(() => parseFormBody(text))).toBe(code));
});

describe(checkQuery.name, () => {
  it('lets clean queries through and refuses NUL and bytes that are not UTF-8', () => {
    expect(() => checkQuery('/api/x?organisation=RET&lang=en&q=Zo%C3%AB')).not.toThrow();
    expect(() => checkQuery('/api/x')).not.toThrow();
    expect(codeOf(() => checkQuery('/api/x?q=%00'))).toBe('request.invalid_text');
    expect(codeOf(() => checkQuery('/api/x?q=%FF'))).toBe('request.invalid_utf8');
  });
});
