// The view model of the groups page: one card per organisation × quadrant, with the choices each small form offers.
import { QUADRANTS, type Locale, type Quadrant } from '../common/domain';
import { formatSlot } from '../common/format';
import { getTranslations } from '../common/view-engine';
import { fieldKey, type PersonView, type ReasonCode } from './group-candidates';
import type { RuleBreach } from './group-rules';
import type { DetailedReport, GroupsOverview, GroupView } from './groups.service';

interface Option {
  value: number;
  label: string;
}

const personLabel = (p: Pick<PersonView, 'respondentId' | 'firstName'>) => `${p.firstName ?? '—'} (#${p.respondentId})`;

/** A shortfall in the reader's language: too few candidates, or enough candidates but no shared slot. */
export function shortfallText(
  s: { organisation: string; quadrant: Quadrant; candidates: number; needed: number; placed: number },
  locale: Locale,
): string {
  const i18n = getTranslations();
  const quadrant = i18n.t(locale, `quadrant.${s.quadrant}`);
  if (s.candidates < s.needed)
    return i18n.t(locale, 'groups.shortfallLine', {
      organisation: s.organisation,
      quadrant,
      candidates: s.candidates,
      needed: s.needed,
    });
  return i18n.t(locale, 'groups.shortfallSlots', {
    organisation: s.organisation,
    quadrant,
    placed: s.placed,
    needed: s.needed,
    others: s.candidates - s.placed,
  });
}

export function reasonText(reason: ReasonCode, locale: Locale): string {
  const i18n = getTranslations();
  const missing = reason.missing.map((f) => i18n.t(locale, fieldKey(f))).join(', ');
  return i18n.t(locale, `groups.reason.${reason.code}`, { missing });
}

export function groupsPage(overview: GroupsOverview, preview: DetailedReport | null, locale: Locale) {
  const slotLabel = new Map(overview.slots.map((s) => [s.id, formatSlot(s.startsAt, s.endsAt, locale)]));
  const names = new Map<number, string>();
  for (const g of overview.groups)
    for (const p of [...g.members, ...g.reserves]) names.set(p.respondentId, personLabel(p));
  for (const u of overview.unplaced) names.set(u.respondentId, personLabel(u));

  const inBucket = <T extends { organisation: string | null; quadrant: Quadrant | null }>(
    list: T[],
    organisation: string,
    quadrant: Quadrant,
  ) => list.filter((x) => x.organisation === organisation && x.quadrant === quadrant);

  const card = (g: GroupView, bucketGroups: GroupView[], leftOut: GroupsOverview['unplaced']) => {
    const others = bucketGroups.filter((o) => o.id !== g.id);
    const swapWith: Option[] = [
      ...others
        .flatMap((o) => [...o.members, ...o.reserves])
        .map((p) => ({ value: p.respondentId, label: personLabel(p) })),
      ...leftOut.map((u) => ({ value: u.respondentId, label: personLabel(u) })),
    ];
    const row = (p: PersonView, role: 'member' | 'reserve') => ({
      ...p,
      label: personLabel(p),
      groupId: g.id,
      isReserve: role === 'reserve',
      moveTo: bucketGroups.map((o) => ({ value: o.id, label: `#${o.id}`, current: o.id === g.id })),
      swapWith:
        role === 'reserve'
          ? [...g.members.map((m) => ({ value: m.respondentId, label: personLabel(m) })), ...swapWith]
          : [...g.reserves.map((r) => ({ value: r.respondentId, label: personLabel(r) })), ...swapWith],
      replaceOptions:
        role === 'reserve' ? g.members.map((m) => ({ value: m.respondentId, label: personLabel(m) })) : [],
    });
    return {
      ...g,
      isLocked: g.status === 'locked',
      isProposed: g.status === 'proposed',
      memberRows: g.members.map((p) => row(p, 'member')),
      reserveRows: g.reserves.map((p) => row(p, 'reserve')),
      slotLabels: g.slots.map((id) => slotLabel.get(id) ?? `#${id}`),
    };
  };

  const organisations = overview.organisations.map((organisation) => ({
    name: organisation,
    buckets: QUADRANTS.map((quadrant) => {
      const bucketGroups = inBucket(overview.groups, organisation, quadrant);
      const leftOut = inBucket(overview.unplaced, organisation, quadrant);
      return {
        organisation,
        quadrant,
        key: `${slug(organisation)}-${quadrant}`,
        groups: bucketGroups.map((g) => card(g, bucketGroups, leftOut)),
        shortfall:
          overview.shortfalls
            .filter((s) => s.organisation === organisation && s.quadrant === quadrant)
            .map((s) => shortfallText(s, locale))[0] ?? null,
        leftOut: leftOut.map((u) => ({
          ...u,
          reason: reasonText(u.reasonCode, locale),
          label: personLabel(u),
          addTo: bucketGroups.filter((g) => g.status !== 'locked').map((g) => ({ value: g.id, label: `#${g.id}` })),
        })),
      };
    }),
  }));
  const known = new Set(overview.organisations);
  const elsewhere = overview.unplaced
    .filter((u) => u.organisation === null || u.quadrant === null || !known.has(u.organisation))
    .map((u) => ({ ...u, reason: reasonText(u.reasonCode, locale), label: personLabel(u) }));

  return {
    study: overview.study,
    organisations,
    organisationNames: overview.organisations,
    elsewhere,
    counts: {
      groups: overview.groups.length,
      unplaced: overview.unplaced.length,
      shortfalls: overview.shortfalls.length,
    },
    assumedAvailable: overview.assumedAvailable,
    preview: preview && {
      assumedAvailable: preview.assumedAvailable,
      groups: preview.report.groups.map((g) => ({
        ...g,
        isNew: g.id === null,
        memberLabels: g.members.map((id) => names.get(id) ?? `#${id}`),
        reserveLabels: g.reserves.map((id) => names.get(id) ?? `#${id}`),
        slotLabels: g.slots.map((id) => slotLabel.get(id) ?? `#${id}`),
      })),
      shortfalls: preview.report.shortfalls.map((s, i) => shortfallText({ ...s, placed: preview.placed[i] }, locale)),
      unplaced: preview.report.unplaced.map((u) => ({
        respondentId: u.respondentId,
        reason: preview.reasons.has(u.respondentId)
          ? reasonText(preview.reasons.get(u.respondentId)!, locale)
          : u.reason,
        label: names.get(u.respondentId) ?? `#${u.respondentId}`,
      })),
    },
  };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A refusal in the reader's language: `groups.refusal.<code>` / `groups.rule.<rule>`, else the API's English text. */
export function refusalText(
  refusal: { text: string; code?: string; details?: Record<string, unknown> },
  locale: Locale,
): string {
  const i18n = getTranslations();
  const { text, code, details = {} } = refusal;
  const say = (key: string, vars: Record<string, unknown>) => {
    if (!i18n.has(key)) return null;
    const said = i18n.t(locale, key, vars);
    // A detail the text needs is missing: the English text says it completely.
    return /\{\w+\}/.test(said) ? null : said;
  };
  if (code === 'group.change_refused' && Array.isArray(details.breaches)) {
    const texts = (details.breaches as RuleBreach[]).map((b) => say(`groups.rule.${b.rule}`, b));
    if (texts.every((t) => t !== null)) return texts.join(' ');
  }
  const vars = Array.isArray(details.missing)
    ? { ...details, missing: details.missing.map((m) => i18n.t(locale, fieldKey(String(m)))).join(', ') }
    : details;
  return (code && say(`groups.refusal.${code}`, vars)) || text;
}
