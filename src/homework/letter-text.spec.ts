import { behindParagraphs } from './letter-text';

const t = (key: string, vars: Record<string, unknown> = {}) => `${key}${JSON.stringify(vars)}`;

describe(behindParagraphs.name, () => {
  it('names the research organisation, its privacy statement and the e-mail address under the letter', () => {
    const behind = { name: 'Lectoraat Klantgericht Organiseren', privacyUrl: 'https://www.hu.nl/privacy', phone: '030 252 76 18', email: 'klantreis@hu.nl' };
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
