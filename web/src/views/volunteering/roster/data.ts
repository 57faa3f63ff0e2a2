import type { RosterLine } from '@/api/volunteering';
import type { TagType } from '@/views/home/data';

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
