import type { RosterLine } from '@/api/volunteering';
import type { Column, TagType, Translate } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';
import { formatTime } from '../format';

export type PresenceState = 'waitlisted' | 'cancelled' | 'absent' | 'checkedIn' | 'checkedOut' | 'confirmed';

export interface RosterRow {
  signUpId: number;
  name: string;
  state: PresenceState;
  tag: TagType;
  waitlistPosition: number | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** Checked out and not yet confirmed: the leader may confirm the hours. */
  confirmable: boolean;
  /** A confirmed seat without a confirmed session: the leader may record times. */
  editable: boolean;
}

const tags: Record<PresenceState, TagType> = {
  waitlisted: 'warning',
  cancelled: 'info',
  absent: 'info',
  checkedIn: 'primary',
  checkedOut: 'success',
  confirmed: 'success',
};

export function presence(line: RosterLine): PresenceState {
  if (line.sign_up.status === 'waitlisted') return 'waitlisted';
  if (line.sign_up.status === 'cancelled') return 'cancelled';
  const a = line.attendance;
  if (!a) return 'absent';
  if (a.hours_confirmed) return 'confirmed';
  return a.checked_out_at ? 'checkedOut' : 'checkedIn';
}

const order: Record<PresenceState, number> = {
  checkedIn: 0,
  absent: 1,
  checkedOut: 2,
  confirmed: 3,
  waitlisted: 4,
  cancelled: 5,
};

export function rosterRows(lines: RosterLine[]): RosterRow[] {
  return lines
    .map((line) => {
      const state = presence(line);
      return {
        signUpId: line.sign_up.id,
        name: line.sign_up.name ?? '',
        state,
        tag: tags[state],
        waitlistPosition: line.sign_up.waitlist_position,
        checkedInAt: line.attendance?.checked_in_at ?? null,
        checkedOutAt: line.attendance?.checked_out_at ?? null,
        confirmable: state === 'checkedOut',
        editable: state === 'absent' || state === 'checkedIn' || state === 'checkedOut',
      };
    })
    .sort(
      (a, b) =>
        order[a.state] - order[b.state] ||
        (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
        a.name.localeCompare(b.name),
    );
}

export interface RosterCounts {
  confirmed: number;
  present: number;
  checkedOut: number;
  waitlisted: number;
}

export function rosterCounts(rows: RosterRow[]): RosterCounts {
  const c = { confirmed: 0, present: 0, checkedOut: 0, waitlisted: 0 };
  for (const r of rows) {
    if (r.state === 'waitlisted') c.waitlisted++;
    else if (r.state !== 'cancelled') c.confirmed++;
    if (r.state === 'checkedIn') c.present++;
    if (r.state === 'checkedOut' || r.state === 'confirmed') c.checkedOut++;
  }
  return c;
}

/** Milliseconds before a code's expiry at which a fresh one is fetched (never below 5 s). */
export function refreshDelay(expiresAt: string, now: number = Date.now()): number {
  return Math.max(5000, Date.parse(expiresAt) - now - 30_000);
}

/** "09:02–11:58", or the check-in time alone while still on site. */
export function timeText(row: RosterRow): string {
  if (!row.checkedInAt) return '';
  return row.checkedOutAt ? `${formatTime(row.checkedInAt)}–${formatTime(row.checkedOutAt)}` : formatTime(row.checkedInAt);
}

export function stateText(row: RosterRow, t: Translate): string {
  return row.state === 'waitlisted'
    ? t('volunteering.shift.state.waitlisted', { n: row.waitlistPosition ?? '' })
    : t(`volunteering.presence.${row.state}`);
}

/** The roster (data-testid roster-row carries data-state and data-name). */
export const ROSTER_COLUMNS: Column<RosterRow>[] = [
  { key: 'name', label: 'volunteering.roster.name', text: (r) => r.name, minWidth: 140, card: 'title' },
  { key: 'state', label: 'volunteering.roster.state', text: stateText, tag: (r) => r.tag, testid: 'roster-state', width: 160, card: 'head' },
  { key: 'times', label: 'volunteering.roster.times', text: timeText, width: 140, card: 'meta' },
];

/**
 * The leader's record of a check-in or check-out by hand, as China wall-clock times (the API
 * reads a zoneless time as China time), with the reason the audit log keeps.
 */
export interface AttendanceFormModel {
  checked_in_at: string;
  checked_out_at: string;
  reason: string;
}

/** `checked_in_at` and `checked_out_at` (a time and a "now" button) are drawn by the screen. */
export const ATTENDANCE_FIELDS: FormField<AttendanceFormModel>[] = [
  { key: 'checked_in_at', kind: 'custom', label: 'volunteering.attendanceForm.checkedIn' },
  { key: 'checked_out_at', kind: 'custom', label: 'volunteering.attendanceForm.checkedOut' },
  { key: 'reason', kind: 'text', label: 'volunteering.attendanceForm.reason', required: true, testid: 'attendance-reason' },
  { key: 'note-zone', kind: 'note', label: 'volunteering.attendanceForm.zoneHint' },
];

export const ATTENDANCE_DIALOG: FormDialogSpec<AttendanceFormModel> = {
  fields: ATTENDANCE_FIELDS,
  testid: 'attendance-dialog',
  submitTestid: 'attendance-save',
  width: 'min(460px, 94vw)',
};

/** A moment as China wall-clock time, YYYY-MM-DDTHH:mm:ss. */
export function toChinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19);
}
