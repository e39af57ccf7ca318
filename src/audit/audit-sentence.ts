// An audit event said as a sentence in the reader's language ("Groep 12 bevestigd") instead of its code and JSON.
// Pure: the caller passes the translation and the labels of domain values (quadrants, roles, populations).

export interface AuditFacts {
  action: string;
  subjectId: string | null;
  details: Record<string, unknown> | null;
}

/** Says a key's text with its variables filled in. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** A key's text as written (variables unfilled), or undefined when the catalogue has no such key. */
export type Written = (key: string) => string | undefined;

/**
 * The variables a sentence may use: `subject`, every plain detail (`groupId`), nested plain details in camel case
 * (`from.groupId` -> `fromGroupId`), and for a list its count and its items joined (`createdCount`, `createdList`).
 * null and undefined are left out, so a sentence that needs them is not chosen.
 */
export function auditVariables(event: AuditFacts, label: (value: string) => string): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  if (event.subjectId !== null) vars.subject = event.subjectId;
  const add = (name: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') vars[name] = label(value);
    else if (typeof value === 'number') vars[name] = value;
    else if (Array.isArray(value)) {
      vars[`${name}Count`] = value.length;
      const plain = value.filter((v) => typeof v === 'string' || typeof v === 'number');
      if (plain.length === value.length)
        vars[`${name}List`] = plain.map((v) => (typeof v === 'string' ? label(v) : v)).join(', ');
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value))
        if (typeof inner !== 'object' || inner === null) add(name + key.charAt(0).toUpperCase() + key.slice(1), inner);
    }
  };
  for (const [key, value] of Object.entries(event.details ?? {})) add(key, value);
  return vars;
}

/**
 * The sentence for an event: `auditEvent.<action>` when the event has every variable it names, else
 * `auditEvent.<action>.short`, else a general sentence naming the action.
 */
export function auditSentence(
  event: AuditFacts,
  t: Translate,
  written: Written,
  label: (value: string) => string,
): string {
  const vars = auditVariables(event, label);
  for (const key of [`auditEvent.${event.action}`, `auditEvent.${event.action}.short`]) {
    const text = written(key);
    if (text === undefined) continue;
    const needed = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (needed.every((name) => vars[name] !== undefined)) return t(key, vars);
  }
  return t('auditEvent.other', { action: event.action });
}
