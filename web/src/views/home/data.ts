import type { Grant, Role } from '@/api/session';
import type { Column, TagType } from '@/components/dataList';
import type { WorkFigures, WorkItem } from '@/api/work';

export interface GrantRow {
  key: string;
  organizationId: number;
  organizationName: string;
  role: Role;
  roleKey: string;
  tagType: TagType;
  isCurrent: boolean;
}

const roleTags: Record<Role, TagType> = {
  committee_admin: 'danger',
  branch_secretary: 'warning',
  cadre: 'primary',
  member: 'success',
  youth: 'info',
};

/** Grants as displayed: the current organization first, otherwise in server order. */
export function grantRows(grants: Grant[], currentOrganizationId: number | null): GrantRow[] {
  const rows = grants.map((g) => ({
    key: `${g.organization_id}:${g.role}`,
    organizationId: g.organization_id,
    organizationName: g.organization_name,
    role: g.role,
    roleKey: `common.roles.${g.role}`,
    tagType: roleTags[g.role] ?? 'info',
    isCurrent: g.organization_id === currentOrganizationId,
  }));
  return [...rows.filter((r) => r.isCurrent), ...rows.filter((r) => !r.isCurrent)];
}

/** The grants: a table on a desk, cards on a phone. */
export const GRANT_COLUMNS: Column<GrantRow>[] = [
  { key: 'organization', label: 'home.grants.organization', text: (g) => g.organizationName, minWidth: 240, card: 'title' },
  { key: 'role', label: 'home.grants.role', text: (g, t) => t(g.roleKey), tag: (g) => g.tagType, minWidth: 160, card: 'text' },
];

/** The key figures of the caller's organization on the workbench, declared once. */
export interface FigureCard {
  key: string;
  label: string;
  value: string;
}
const FIGURES: Array<{ key: keyof WorkFigures; label: string }> = [
  { key: 'members', label: 'home.figures.members' },
  { key: 'youth', label: 'home.figures.youth' },
  { key: 'cadres', label: 'home.figures.cadres' },
  { key: 'organizations', label: 'home.figures.organizations' },
];
export function figureCards(f: WorkFigures): FigureCard[] {
  return [
    ...FIGURES.map(({ key, label }) => ({ key, label, value: String(f[key]) })),
    { key: 'coverage', label: 'home.figures.coverage', value: `${f.coverage_covered} / ${f.coverage_units}` },
  ];
}

/** To-dos with something waiting first (each kind keeps the server's order), then the rest. */
export function sortedWork(items: WorkItem[]): WorkItem[] {
  return [...items.filter((i) => i.count > 0), ...items.filter((i) => i.count === 0)];
}
