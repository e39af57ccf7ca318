// GUIDs as REFI-QDA writes and reads them. Pure: no framework imports.
// The schema accepts "xxxxxxxx-xxxx-…" and "{xxxxxxxx-xxxx-…}" in either case, and tools use all four forms;
// inside the platform a GUID is always the lower-case form without braces, so comparing is plain equality.
import { createHash } from 'node:crypto';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The platform's form of a GUID from any form a tool writes, or null when it is not a GUID at all. */
export function normaliseGuid(raw: string | undefined | null): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  const match = GUID.exec(trimmed);
  if (!match) return null;
  // Braces must come in pairs: "{…" alone is a typo, not a GUID.
  if (trimmed.startsWith('{') !== trimmed.endsWith('}')) return null;
  return match[1].toLowerCase();
}

/** How the exports write a GUID: upper case without braces, as the standard's examples and most tools do. */
export function formatGuid(guid: string): string {
  const normal = normaliseGuid(guid);
  if (!normal) throw new Error(`Not a GUID: ${guid}`);
  return normal.toUpperCase();
}

/**
 * A name-based GUID (RFC 9562 version 5, SHA-1): the same project, respondent or homework always gets the same
 * GUID, so a project exported twice lines up in the other tool and an import finds our sources by GUID again.
 */
export function guidFromName(namespace: string, name: string): string {
  const ns = normaliseGuid(namespace);
  if (!ns) throw new Error(`Not a GUID namespace: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(ns.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace of every name-based GUID the platform makes (itself a fixed random GUID). */
export const KWADRANT_GUID_NAMESPACE = '6f3c2a1e-8b4d-4e7a-9c5f-2d1b0a9e8f7c';
