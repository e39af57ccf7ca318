import { behindParagraphs, letterParagraphs } from './letter-text';

const t = (key: string, vars: Record<string, unknown> = {}) => `${key}${JSON.stringify(vars)}`;

describe(behindParagraphs.name, () => {
  it('names the research organisation, its privacy statement and the e-mail address under the letter', () => {
    const behind = {
      name: 'Lectoraat Klantgericht Organiseren',
      privacyUrl: 'https://www.hu.nl/privacy',
      phone: '030 252 76 18',
      email: 'klantreis@hu.nl',
    };
    expect(behindParagraphs(behind, t).map((p) => p.text)).toEqual([
      'behind.mailBy{"name":"Lectoraat Klantgericht Organiseren"}',
      'behind.mailPrivacy{"url":"https://www.hu.nl/privacy"}',
      'behind.mailEmail{"email":"klantreis@hu.nl"}',
    ]);
  });

  it('adds nothing a study did not fill in (the letter already gives the helpline)', () => {
    expect(behindParagraphs({ name: '', privacyUrl: '', phone: '030 000 00 00', email: '' }, t)).toEqual([]);
    expect(behindParagraphs(undefined, t)).toEqual([]);
  });
});

describe(letterParagraphs.name, () => {
  const withUrl = (key: string, vars?: Record<string, unknown>) =>
    `${key}${typeof vars?.codeUrl === 'string' && vars.codeUrl ? ` ${vars.codeUrl}` : ''}`;
  const letter = { name: 'Cor', codeUrl: 'https://kw.example/h', returnAddress: '' };

  it('puts the working link and code on their own lines', () => {
    const texts = letterParagraphs({ ...letter, link: 'https://kw.example/h/abc', code: 'ABCD-EFGH' }, withUrl)
      .filter((p) => p.emphasis)
      .map((p) => p.text);
    expect(texts).toEqual(['https://kw.example/h/abc', 'ABCD-EFGH']);
  });

  it('says where link and code are when the reader may not see them', () => {
    const texts = letterParagraphs({ ...letter, link: null, code: null }, withUrl)
      .filter((p) => p.emphasis)
      .map((p) => p.text);
    expect(texts).toEqual(['homework.letter.hiddenLink', 'homework.letter.hiddenCode']);
  });

  it('asks a member who joined after the deadline to answer before the session instead of by the past date', () => {
    const keys = (late: boolean) =>
      letterParagraphs({ ...letter, link: null, code: null, late }, (key) => key).map((p) => p.text);
    expect(keys(false)).toContain('homework.letter.deadline');
    expect(keys(false)).not.toContain('homework.letter.deadlineLate');
    expect(keys(true)).toContain('homework.letter.deadlineLate');
    expect(keys(true)).not.toContain('homework.letter.deadline');
  });
});
