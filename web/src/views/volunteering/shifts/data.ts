import type { MySignUp } from '@/api/volunteering';
import type { Column, TagType, Translate } from '@/components/dataList';
import { formatRange, formatTime } from '../format';

export interface MyShiftRow {
  signUpId: number;
  projectId: number;
  projectTitle: string;
  startsAt: string;
  endsAt: string;
  status: MySignUp['sign_up']['status'];
  statusTag: TagType;
  waitlistPosition: number | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hoursConfirmed: boolean;
  canCancel: boolean;
  upcoming: boolean;
  /** The server says the shift has ended (its clock): it reads 已结束, never 已报名. */
  ended: boolean;
}

const tags: Record<string, TagType> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'info' };

export function myShiftRows(items: MySignUp[], now: number = Date.now()): MyShiftRow[] {
  const rows = items.map((m) => {
    const upcoming = Date.parse(m.shift.starts_at) > now;
    const ended = m.shift.ended && m.sign_up.status !== 'cancelled';
    return {
      signUpId: m.sign_up.id,
      projectId: m.project_id,
      projectTitle: m.project_title,
      startsAt: m.shift.starts_at,
      endsAt: m.shift.ends_at,
      status: m.sign_up.status,
      statusTag: ended ? 'info' : (tags[m.sign_up.status] ?? 'info'),
      waitlistPosition: m.sign_up.waitlist_position,
      checkedInAt: m.attendance?.checked_in_at ?? null,
      checkedOutAt: m.attendance?.checked_out_at ?? null,
      hoursConfirmed: m.attendance?.hours_confirmed ?? false,
      canCancel: upcoming && m.sign_up.status !== 'cancelled',
      upcoming,
      ended,
    };
  });
  // Upcoming first (soonest first), then the past (latest first).
  return [
    ...rows.filter((r) => r.upcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    ...rows.filter((r) => !r.upcoming).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  ];
}

export function statusText(row: MyShiftRow, t: Translate): string {
  if (row.ended) return t('volunteering.shiftState.ended');
  return row.status === 'waitlisted'
    ? t('volunteering.shift.state.waitlisted', { n: row.waitlistPosition ?? '' })
    : t(`volunteering.signUpStatus.${row.status}`);
}

export function attendanceText(row: MyShiftRow, t: Translate): string {
  if (!row.checkedInAt) return '';
  const base = row.checkedOutAt
    ? t('volunteering.attendance.inOut', { in: formatTime(row.checkedInAt), out: formatTime(row.checkedOutAt) })
    : t('volunteering.attendance.in', { in: formatTime(row.checkedInAt) });
  return row.hoursConfirmed ? `${base} · ${t('volunteering.attendance.confirmed')}` : base;
}

/** My shifts (data-testid my-shift carries data-status). */
export const MY_SHIFT_COLUMNS: Column<MyShiftRow>[] = [
  {
    key: 'project',
    label: 'volunteering.myShifts.project',
    text: (r) => r.projectTitle,
    to: (r) => `/volunteer/projects/${r.projectId}`,
    minWidth: 220,
    card: 'title',
  },
  { key: 'time', label: 'volunteering.myShifts.time', text: (r) => formatRange(r.startsAt, r.endsAt), minWidth: 200, card: 'meta' },
  {
    key: 'status',
    label: 'volunteering.myShifts.status',
    text: statusText,
    tag: (r) => r.statusTag,
    testid: 'my-shift-status',
    width: 160,
    card: 'head',
  },
  { key: 'attendance', label: 'volunteering.myShifts.attendance', text: attendanceText, minWidth: 180, card: 'text' },
];
