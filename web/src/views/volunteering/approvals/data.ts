import type { HourReport, Roster } from '@/api/volunteering';
import type { Column } from '@/components/dataList';
import type { FormDialogSpec } from '@/components/formFields';
import { formatDateTime, formatHours, formatTime } from '../format';
import { rosterRows, type RosterRow } from '../roster/data';

export interface PendingSession extends RosterRow {
  shiftId: number;
  projectTitle: string;
  startsAt: string;
}

/** Checked-out sessions not yet confirmed, across the given rosters. */
export function pendingSessions(rosters: Roster[]): PendingSession[] {
  return rosters.flatMap((r) =>
    rosterRows(r.items)
      .filter((row) => row.confirmable)
      .map((row) => ({ ...row, shiftId: r.shift.id, projectTitle: r.project.title, startsAt: r.shift.starts_at })),
  );
}

/** Pending sessions grouped by shift: one confirm call per shift. */
export function byShift(sessions: PendingSession[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const s of sessions) map.set(s.shiftId, [...(map.get(s.shiftId) ?? []), s.signUpId]);
  return map;
}

/** Oldest reports first: the queue order. */
export function reportQueue(reports: HourReport[]): HourReport[] {
  return reports.filter((r) => r.status === 'pending').sort((a, b) => a.id - b.id);
}

/** Self-reported hours waiting for a decision (cards, oldest first). */
export const REPORT_COLUMNS: Column<HourReport>[] = [
  { key: 'name', label: 'volunteering.roster.name', text: (r) => r.name, card: 'title' },
  {
    key: 'hours',
    label: 'volunteering.myHours.hours',
    text: (r, t) => `${formatHours(r.minutes)} ${t('volunteering.common.hoursUnit')} · ${r.worked_on}`,
    card: 'head',
  },
  { key: 'description', label: 'volunteering.report.description', text: (r) => r.description, card: 'text' },
];

/** Checked-out sessions waiting for their hours to be confirmed (cards). */
export const SESSION_COLUMNS: Column<PendingSession>[] = [
  { key: 'name', label: 'volunteering.roster.name', text: (s) => s.name, card: 'title' },
  { key: 'times', label: 'volunteering.roster.times', text: (s) => `${formatTime(s.checkedInAt)}–${formatTime(s.checkedOutAt)}`, card: 'head' },
  { key: 'project', label: 'volunteering.myShifts.project', text: (s) => s.projectTitle, to: (s) => `/app/volunteering/shifts/${s.shiftId}`, card: 'meta' },
  { key: 'starts', label: 'volunteering.myShifts.time', text: (s) => formatDateTime(s.startsAt), card: 'meta' },
];

/** Rejecting a self-report needs a reason the volunteer will see. */
export const DECISION_DIALOG: FormDialogSpec<{ reason: string }> = {
  fields: [{ key: 'reason', kind: 'text', label: 'volunteering.approvals.reason', testid: 'reject-reason' }],
  testid: 'reject-dialog',
  submitTestid: 'reject-save',
  submitLabel: 'volunteering.approvals.reject',
  submitType: 'danger',
  width: 'min(420px, 94vw)',
};
