import { checkLogo, imageTypeOf, LOGO_MAX_BYTES, researchOrganisationView } from './research-organisation';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40, 2)]);
const dataUrl = (bytes: Buffer, type = 'image/png') => `data:${type};base64,${bytes.toString('base64')}`;

describe(checkLogo.name, () => {
  it('accepts a PNG or a JPEG by its first bytes, whatever type the browser declared', () => {
    expect(checkLogo(dataUrl(PNG))).toEqual({ ok: true, type: 'image/png', bytes: PNG });
    expect(checkLogo(dataUrl(JPEG, 'application/octet-stream'))).toMatchObject({ ok: true, type: 'image/jpeg' });
  });

  it('refuses an SVG, a renamed text file, an empty file, a file too large and anything that is not a data URL', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(checkLogo(dataUrl(svg, 'image/svg+xml'))).toEqual({ ok: false, reason: 'not-png-or-jpeg' });
    expect(checkLogo(dataUrl(Buffer.from('hello'), 'image/png'))).toEqual({ ok: false, reason: 'not-png-or-jpeg' });
    expect(checkLogo('data:image/png;base64,')).toEqual({ ok: false, reason: 'empty' });
    expect(checkLogo(dataUrl(Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)])))).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(checkLogo('https://example.org/logo.png')).toEqual({ ok: false, reason: 'not-a-data-url' });
    expect(checkLogo('data:image/png;base64,<script>')).toEqual({ ok: false, reason: 'not-a-data-url' });
  });

  it('tells the two types apart and knows nothing else', () => {
    expect([imageTypeOf(PNG), imageTypeOf(JPEG), imageTypeOf(Buffer.from('GIF89a........'))]).toEqual([
      'image/png',
      'image/jpeg',
      null,
    ]);
  });
});

describe(researchOrganisationView.name, () => {
  const study = {
    slug: 'wp2a',
    researchOrganisation: ' Lectoraat Klantgericht Organiseren ',
    privacyUrl: 'https://www.hu.nl/privacy',
    helpPhone: '030 252 76 18',
    helpEmail: 'onderzoek@hu.nl',
  };

  it('shows the study’s own details, a dialable phone link and a logo address that changes with the logo', () => {
    expect(researchOrganisationView(study, '030 000 00 00', 1700000000000, 'https://kwadrant.example')).toEqual({
      name: 'Lectoraat Klantgericht Organiseren',
      logoUrl: 'https://kwadrant.example/s/wp2a/logo?v=1700000000000',
      privacyUrl: 'https://www.hu.nl/privacy',
      phone: '030 252 76 18',
      phoneHref: 'tel:0302527618',
      email: 'onderzoek@hu.nl',
    });
  });

  it('falls back to the platform’s helpline, and shows no logo when there is none', () => {
    const bare = researchOrganisationView(
      { ...study, helpPhone: '', researchOrganisation: '', privacyUrl: '', helpEmail: '' },
      '+31 30 123 45 67',
      null,
    );
    expect(bare).toEqual({
      name: '',
      logoUrl: null,
      privacyUrl: '',
      phone: '+31 30 123 45 67',
      phoneHref: 'tel:+31301234567',
      email: '',
    });
  });
});
