import { formatGuid, guidFromName, KWADRANT_GUID_NAMESPACE, normaliseGuid } from './guid';

describe(normaliseGuid.name, () => {
  const plain = '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294';

  it.each([
    plain,
    plain.toUpperCase(),
    `{${plain}}`,
    `{${plain.toUpperCase()}}`,
    `  ${plain}\n`,
    '1FF58b12-6F6f-4B0c-8bE5-BBDC91f55294',
  ])('reads %p as the lower-case form without braces', (raw) => {
    expect(normaliseGuid(raw)).toBe(plain);
  });

  it.each([
    '',
    'not-a-guid',
    `{${plain}`,
    `${plain}}`,
    '1ff58b12-6f6f-4b0c-8be5-bbdc91f5529',
    '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294a',
    '1ff58b126f6f4b0c8be5bbdc91f55294',
    'gff58b12-6f6f-4b0c-8be5-bbdc91f55294',
  ])('refuses %p', (raw) => {
    expect(normaliseGuid(raw)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    expect(normaliseGuid(undefined)).toBeNull();
    expect(normaliseGuid(null)).toBeNull();
  });
});

describe(formatGuid.name, () => {
  it('writes upper case without braces', () => {
    expect(formatGuid('{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}')).toBe('1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294');
  });

  it('refuses what is not a GUID', () => {
    expect(() => formatGuid('R01')).toThrow('Not a GUID');
  });
});

describe(guidFromName.name, () => {
  it('matches the RFC 9562 example of a version 5 UUID (DNS namespace, www.example.com)', () => {
    expect(guidFromName('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable for a name and differs between names', () => {
    const a = guidFromName(KWADRANT_GUID_NAMESPACE, 'homework:1');
    expect(guidFromName(KWADRANT_GUID_NAMESPACE, 'homework:1')).toBe(a);
    expect(guidFromName(KWADRANT_GUID_NAMESPACE, 'homework:2')).not.toBe(a);
    expect(normaliseGuid(a)).toBe(a);
  });

  it('refuses a namespace that is not a GUID', () => {
    expect(() => guidFromName('study', 'x')).toThrow('namespace');
  });
});
