import type { Grant, Role } from '@/api/session';
import type { Column, TagType } from '@/components/dataList';

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
