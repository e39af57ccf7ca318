// The dashboard's view model: the pipeline table, the blockers as sentences with a way to act on each, the bulk
// actions with what they will do. Pure: no framework imports.
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import type { BulkPreview } from './dashboard.service';
import { Blocker, BulkAction, PipelineTable, Remedy, STEPS, StudyState } from './pipeline';

export interface Link {
  href: string;
  /** Locale key of the link or button text. */
  label: string;
}

export function remedyLink(slug: string, remedy: Remedy, state: StudyState): Link {
  const base = `/studies/${encodeURIComponent(slug)}`;
  if ('bulk' in remedy) return { href: `${base}/actions/${remedy.bulk}`, label: `dashboard.action.${remedy.bulk}` };
  const pages: Record<typeof remedy.page, string> = {
    import: `${base}/respondents/import`,
    settings: `${base}/settings#slots`,
    groups: `${base}/groups`,
    moderators: `${base}/moderators`,
    schedule: `${base}/schedule`,
    'invite-missing': `${base}/schedule#session-${state.uninvitedMembers.firstSessionId}`,
    attendance: `${base}/sessions/${state.unmarkedSessions.firstId}/attendance`,
  };
  return { href: pages[remedy.page], label: `dashboard.go.${remedy.page}` };
}

export function blockerView(slug: string, blocker: Blocker, state: StudyState, locale: Locale) {
  return {
    text: `dashboard.blocker.${blocker.code}`,
    count: blocker.count,
    cells:
      blocker.code === 'short-cells'
        ? state.shortCells.map((c) => ({ ...c, quadrant: translator(locale)(`quadrant.${c.quadrant}`) }))
        : [],
    link: remedyLink(slug, blocker.remedy, state),
  };
}

export function pipelineView(table: PipelineTable, locale: Locale) {
  const cells = (counts: Record<string, number>, target: number) =>
    STEPS.map((step) => ({ step, count: counts[step], below: counts[step] < target }));
  return {
    steps: STEPS.map((s) => `dashboard.step.${s}`),
    rows: table.rows.map((r) => ({
      organisation: r.organisation,
      quadrant: translator(locale)(`quadrant.${r.quadrant}`),
      target: r.target,
      cells: cells(r.counts, r.target),
    })),
    totals: { target: table.target, cells: cells(table.totals, table.target) },
    unplaced: table.unplaced,
  };
}

/** A bulk action's sentence key: what it will do, or that there is nothing to do. */
export function bulkView(slug: string, preview: BulkPreview) {
  const idle = preview.groups === 0;
  return {
    ...preview,
    idle,
    text: idle ? `dashboard.bulk.${preview.action}.none` : `dashboard.bulk.${preview.action}.what`,
    href: `/studies/${encodeURIComponent(slug)}/actions/${preview.action}`,
    label: `dashboard.action.${preview.action}`,
  };
}

export function isBulkAction(value: string): value is BulkAction {
  return value === 'confirm-groups' || value === 'invite' || value === 'homework';
}
