import type { MySignUp } from '@/api/volunteering';
import type { TagType } from '@/views/home/data';

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
}

const tags: Record<string, TagType> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'info' };

export function myShiftRows(items: MySignUp[], now: number = Date.now()): MyShiftRow[] {
  const rows = items.map((m) => {
    const upcoming = Date.parse(m.shift.starts_at) > now;
    return {
      signUpId: m.sign_up.id,
      projectId: m.project_id,
      projectTitle: m.project_title,
      startsAt: m.shift.starts_at,
      endsAt: m.shift.ends_at,
      status: m.sign_up.status,
      statusTag: tags[m.sign_up.status] ?? 'info',
      waitlistPosition: m.sign_up.waitlist_position,
      checkedInAt: m.attendance?.checked_in_at ?? null,
      checkedOutAt: m.attendance?.checked_out_at ?? null,
      hoursConfirmed: m.attendance?.hours_confirmed ?? false,
      canCancel: upcoming && m.sign_up.status !== 'cancelled',
      upcoming,
    };
  });
  // Upcoming first (soonest first), then the past (latest first).
  return [
    ...rows.filter((r) => r.upcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    ...rows.filter((r) => !r.upcoming).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  ];
}
