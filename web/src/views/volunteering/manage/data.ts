import type { ProjectView, ShiftView, TeamView } from '@/api/volunteering';
import type { Column, TagType } from '@/components/dataList';
import type { FieldOption } from '@/components/formFields';
import { projectStatusTag } from '../projects/data';

export interface ManagedProject {
  project: ProjectView;
  shifts: ShiftView[];
}

/** Shifts a leader works with: today's and upcoming first, then the last few past ones. */
export function leaderShifts<S extends Pick<ShiftView, 'starts_at' | 'ends_at' | 'status'>>(
  shifts: S[],
  now: number = Date.now(),
  pastLimit = 3,
): S[] {
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

/** The server's state of a shift as a tag: ended and cancelled are muted. */
export const shiftStateTag: Record<ShiftView['state'], TagType> = {
  open: 'success',
  full: 'warning',
  in_progress: 'primary',
  ended: 'info',
  cancelled: 'info',
};

/** Teams the caller may add a project to (the server's can.add_project), as form choices. */
export function projectTeams(teams: Pick<TeamView, 'id' | 'name' | 'can'>[]): FieldOption[] {
  return teams.filter((team) => team.can.add_project).map((team) => ({ value: team.id, text: team.name }));
}

/** Teams whose hours the caller decides (can.decide_members: its leaders and managers), each once. */
export function decidingTeams(
  teams: Pick<TeamView, 'id' | 'name' | 'can'>[],
  projects: Array<{ team_id: number | null; team_name: string | null }> = [],
): Array<{ id: number; name: string }> {
  const seen = new Map<number, string>();
  for (const team of teams) if (team.can.decide_members) seen.set(team.id, team.name);
  for (const p of projects) if (p.team_id && !seen.has(p.team_id)) seen.set(p.team_id, p.team_name ?? String(p.team_id));
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
    testid: 'managed-project-status',
    width: 110,
    card: 'head',
  },
  { key: 'team', label: 'volunteering.project.team', text: (m) => m.project.team_name, card: 'meta' },
  { key: 'shifts', label: 'volunteering.project.shifts', minWidth: 280, card: 'text' },
];
