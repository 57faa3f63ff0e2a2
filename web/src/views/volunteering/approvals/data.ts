import { ApiError } from '@/api/request';
import type { AwaitingShift, HourReport } from '@/api/volunteering';
import type { Column } from '@/components/dataList';
import { formatHours, formatRange } from '../format';
import { reasonDialog } from '../reason';

/** Oldest reports first: the queue order. */
export function reportQueue(reports: HourReport[]): HourReport[] {
  return reports.filter((r) => r.status === 'pending').sort((a, b) => a.id - b.id);
}

/**
 * The batch decision's 422 names each failing report by its place in the request
 * (`report_ids[2]`); this gives each failing report's id its message. Other failures are
 * not per report (an empty map).
 */
export function batchFailures(error: unknown, reportIds: readonly number[]): Map<number, string> {
  const failures = new Map<number, string>();
  if (!(error instanceof ApiError)) return failures;
  for (const e of error.errors) {
    const place = /^report_ids\[(\d+)\]$/.exec(e.field);
    const id = place ? reportIds[Number(place[1])] : undefined;
    if (id !== undefined) failures.set(id, failures.has(id) ? `${failures.get(id)}; ${e.message}` : e.message);
  }
  return failures;
}

/** Self-reported hours waiting for a decision (cards, oldest first); `pick` and `failure` are drawn by the screen. */
export const REPORT_COLUMNS: Column<HourReport>[] = [
  { key: 'pick', width: 50, card: 'head' },
  { key: 'name', label: 'volunteering.roster.name', text: (r) => r.name, card: 'title' },
  {
    key: 'hours',
    label: 'volunteering.myHours.hours',
    text: (r, t) => `${formatHours(r.minutes)} ${t('volunteering.common.hoursUnit')} · ${r.worked_on}`,
    testid: 'pending-report-hours',
    card: 'head',
  },
  { key: 'description', label: 'volunteering.report.description', text: (r) => r.description, card: 'text' },
  { key: 'failure', card: 'text' },
];

/** Shifts whose hours await confirmation (the server's list); `confirm` is drawn by the screen. */
export const AWAITING_COLUMNS: Column<AwaitingShift>[] = [
  {
    key: 'project',
    label: 'volunteering.myShifts.project',
    text: (a) => a.project.title,
    to: (a) => `/app/volunteering/shifts/${a.shift.id}`,
    card: 'title',
  },
  {
    key: 'awaiting',
    label: 'volunteering.approvals.awaiting',
    text: (a, t) => t('volunteering.approvals.awaitingN', { n: a.awaiting }),
    tag: () => 'warning',
    testid: 'awaiting-count',
    card: 'head',
  },
  { key: 'time', label: 'volunteering.myShifts.time', text: (a) => formatRange(a.shift.starts_at, a.shift.ends_at), card: 'meta' },
  { key: 'team', label: 'volunteering.project.team', text: (a) => a.project.team_name, card: 'meta' },
  {
    key: 'checked_in',
    label: 'volunteering.approvals.checkedIn',
    text: (a, t) => (a.checked_in ? t('volunteering.approvals.checkedInN', { n: a.checked_in }) : ''),
    card: 'meta',
  },
];

/** Rejecting self-reports needs a reason the volunteers will see. */
export const DECISION_DIALOG = reasonDialog('reject');
