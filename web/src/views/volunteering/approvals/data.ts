import type { HourReport, Roster } from '@/api/volunteering';
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
