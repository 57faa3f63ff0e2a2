import type { Project, Shift } from '@/api/volunteering';
import type { Column } from '@/components/dataList';
import { projectStatusTag } from '../projects/data';

export interface ManagedProject {
  project: Project;
  shifts: Shift[];
}

/** Shifts a leader works with: today's and upcoming first, then the last few past ones. */
export function leaderShifts(shifts: Shift[], now: number = Date.now(), pastLimit = 3): Shift[] {
  const dayAgo = now - 24 * 3600_000;
  const current = shifts
    .filter((s) => Date.parse(s.ends_at) >= dayAgo && s.status === 'open')
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const past = shifts
    .filter((s) => Date.parse(s.ends_at) < dayAgo)
    .sort((a, b) => b.starts_at.localeCompare(a.starts_at))
    .slice(0, pastLimit);
  return [...current, ...past];
}

/** Teams among the managed projects, each once: the leader's hour-report queues. */
export function teamsOf(projects: Project[]): Array<{ id: number; name: string }> {
  const seen = new Map<number, string>();
  for (const p of projects) {
    if (p.team_id && !seen.has(p.team_id)) seen.set(p.team_id, p.team_name ?? String(p.team_id));
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The projects a leader manages; `shifts` (links to each shift's roster) is drawn by the screen. */
export const MANAGED_COLUMNS: Column<ManagedProject>[] = [
  {
    key: 'title',
    label: 'volunteering.myShifts.project',
    text: (m) => m.project.title,
    to: (m) => `/volunteer/projects/${m.project.id}`,
    minWidth: 200,
    card: 'title',
  },
  {
    key: 'status',
    label: 'volunteering.myShifts.status',
    text: (m, t) => t(`volunteering.status.${m.project.status}`),
    tag: (m) => projectStatusTag[m.project.status],
    width: 110,
    card: 'head',
  },
  { key: 'shifts', label: 'volunteering.project.shifts', minWidth: 280, card: 'text' },
];
