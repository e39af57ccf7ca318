// Who stands behind a study, as respondents see it on every page, letter and e-mail. Pure: no framework imports.

/** Enough for a sharp logo at the size it is shown; small enough to store in the database and send quickly. */
export const LOGO_MAX_BYTES = 100_000;

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export type LogoCheck =
  | { ok: true; type: LogoType; bytes: Buffer }
  | { ok: false; reason: 'not-a-data-url' | 'empty' | 'too-large' | 'not-png-or-jpeg' };

/**
 * A logo sent as a data URL (the settings page reads the chosen file in the browser). Only PNG and JPEG, told by
 * their first bytes rather than by the name or the declared type: an SVG can carry scripts, and a mislabelled file
 * must not be served as an image.
 */
export function checkLogo(dataUrl: string): LogoCheck {
  const match = /^data:[\w.+/-]*;base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  if (!match) return { ok: false, reason: 'not-a-data-url' };
  const bytes = Buffer.from(match[1], 'base64');
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, reason: 'too-large' };
  const type = imageTypeOf(bytes);
  return type ? { ok: true, type, bytes } : { ok: false, reason: 'not-png-or-jpeg' };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function imageTypeOf(bytes: Buffer): LogoType | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export interface ResearchOrganisationFields {
  slug: string;
  researchOrganisation: string;
  privacyUrl: string;
  helpPhone: string;
  helpEmail: string;
}

/** What respondents are shown: the organisation, its logo, the privacy statement and how to reach a person. */
export interface ResearchOrganisationView {
  name: string;
  logoUrl: string | null;
  privacyUrl: string;
  phone: string;
  /** A phone opens its dialler on a tel: link, which may hold only digits and a leading +. */
  phoneHref: string;
  email: string;
}

/**
 * The study's own helpline, or the platform's (HELP_PHONE) when it has none. `logoVersion` (the logo's last
 * change, or null without a logo) makes a new logo show at once despite caching.
 */
export function researchOrganisationView(
  study: ResearchOrganisationFields,
  fallbackPhone: string,
  logoVersion: number | null,
  baseUrl = '',
): ResearchOrganisationView {
  const phone = study.helpPhone.trim() || fallbackPhone;
  return {
    name: study.researchOrganisation.trim(),
    logoUrl: logoVersion === null ? null : `${baseUrl}/s/${encodeURIComponent(study.slug)}/logo?v=${logoVersion}`,
    privacyUrl: study.privacyUrl.trim(),
    phone,
    phoneHref: `tel:${phone.replace(/(?!^\+)[^0-9]/g, '')}`,
    email: study.helpEmail.trim(),
  };
}
