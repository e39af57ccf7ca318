import { isOneOf, QUADRANTS, Locale } from '../common/domain';
import type { Translations } from '../common/i18n';
import { auditSentence, AuditFacts } from './audit-sentence';

/** Action groups the audit page filters on, in the order of a study's pipeline (auditAction.<group> names them). */
export const AUDIT_ACTION_GROUPS = [
  'study',
  'survey',
  'respondent',
  'group',
  'schedule',
  'moderator',
  'invitation',
  'attendance',
  'homework',
  'overview',
  'codebook',
  'action',
  'outbox',
  'user',
] as const;

/** Labels a value found in an event's details: quadrants, roles and the words of auditValue.* in the reader's language. */
export function auditValueLabel(i18n: Translations, locale: Locale): (value: string) => string {
  return (value) => {
    if (isOneOf(QUADRANTS, value)) return i18n.t(locale, `quadrant.${value}`);
    for (const key of [`auditValue.${value}`, `role.${value}`]) if (i18n.has(key)) return i18n.t(locale, key);
    return value;
  };
}

export function describeAuditEvent(event: AuditFacts, i18n: Translations, locale: Locale): string {
  const written = (key: string) => (i18n.has(key) ? i18n.template(locale, key) : undefined);
  return auditSentence(event, i18n.translator(locale), written, auditValueLabel(i18n, locale));
}
