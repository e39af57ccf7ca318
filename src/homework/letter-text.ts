// The paragraphs of the personal letter (Bijlage 4) for the print page and the PDF, from the same locale keys
// as the e-mail template. Pure: the translate function is passed in.

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface LetterParagraph {
  text: string;
  /** The private link and code stand out on their own line. */
  emphasis?: boolean;
}

export function letterParagraphs(letter: Record<string, unknown>, t: Translate): LetterParagraph[] {
  const p = (key: string, emphasis = false): LetterParagraph => ({
    text: t(`homework.letter.${key}`, letter),
    emphasis,
  });
  const out: LetterParagraph[] = [];
  out.push({ text: letter.name ? t('homework.letter.greeting', letter) : t('homework.letter.greetingNoName', letter) });
  // A print for someone who may not see the working link and code says where they are instead (homework-access.ts).
  const link = typeof letter.link === 'string' ? letter.link : t('homework.letter.hiddenLink');
  const code = typeof letter.code === 'string' ? letter.code : t('homework.letter.hiddenCode');
  out.push(
    p('thanks'),
    p('before'),
    p('about'),
    p(letter.late ? 'deadlineLate' : 'deadline'),
    p('online'),
    { text: link, emphasis: true },
    p('privateLink'),
    p('code'),
  );
  out.push({ text: code, emphasis: true });
  if (typeof letter.returnAddress === 'string' && letter.returnAddress)
    out.push(p('paper'), { text: letter.returnAddress, emphasis: true });
  out.push(p('data'), p('help'));
  if (letter.contactName) out.push(p(letter.contactPhone ? 'contactWithPhone' : 'contact'));
  // Bijlage 4: "of mail naar" the organisation's contact person.
  if (letter.contactEmail) out.push(p('contactEmail'));
  out.push(p('closing'), p('signature'));
  return [...out, ...behindParagraphs(letter.behind as BehindLines | undefined, t)];
}

/** The part of a study's research organisation the letter names (see studies/research-organisation.ts). */
interface BehindLines {
  name: string;
  privacyUrl: string;
  phone: string;
  email: string;
}

/** Under the letter: who does the research, where their privacy statement is, and a second way to reach them. */
export function behindParagraphs(behind: BehindLines | undefined, t: Translate): LetterParagraph[] {
  if (!behind) return [];
  const out: LetterParagraph[] = [];
  if (behind.name) out.push({ text: t('behind.mailBy', { name: behind.name }) });
  if (behind.privacyUrl) out.push({ text: t('behind.mailPrivacy', { url: behind.privacyUrl }) });
  if (behind.email) out.push({ text: t('behind.mailEmail', { email: behind.email }) });
  return out;
}
