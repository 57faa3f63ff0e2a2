// The organizations module: the tree, its details, stats and coverage units.
import { get, patch, post, type QueryValue } from './request';

export const ORGANIZATION_KINDS = ['committee', 'working_committee', 'general_branch', 'branch'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_SETTINGS = [
  'government',
  'street',
  'community',
  'school',
  'non_public_enterprise',
  'industrial_park',
  'social_organization',
  'other',
] as const;
export type OrganizationSetting = (typeof ORGANIZATION_SETTINGS)[number];
export const COVERAGE_UNIT_KINDS = ['non_public_enterprise', 'industrial_park', 'social_organization'] as const;
export type CoverageUnitKind = (typeof COVERAGE_UNIT_KINDS)[number];

export interface Organization {
  id: number;
  parent_id: number | null;
  path: string;
  depth: number;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
  name: string;
  short_name: string | null;
  kind: OrganizationKind;
  setting: OrganizationSetting;
  region_code: string | null;
  address: string | null;
  contact_name: string | null;
  /** Masked (138****5678) unless the reader may see it. */
  contact_phone: string | null;
  founded_on: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** The writable fields; null clears an optional one. */
export interface OrganizationInput {
  parent_id?: number | null;
  name?: string;
  short_name?: string | null;
  kind?: OrganizationKind;
  setting?: OrganizationSetting;
  region_code?: string | null;
  address?: string | null;
  contact_name?: string | null;
  contact_phone?: string | null;
  founded_on?: string | null;
}

export interface StatFigures {
  organizations: number;
  by_kind: Partial<Record<OrganizationKind, number>>;
  members: number;
  cadres: number;
  youth: number;
  coverage: { units: number; covered: number; rate: number | null };
  [key: string]: unknown;
}

export interface OrganizationStats {
  organization_id: number;
  self: StatFigures;
  subtree: StatFigures;
}

export interface CoverageUnit {
  id: number;
  organization_id: number;
  name: string;
  kind: CoverageUnitKind;
  young_employees: number;
  covered_by_organization_id: number | null;
  covered: boolean;
  created_at: string;
  updated_at: string;
}

export interface CoverageUnitInput {
  name?: string;
  kind?: CoverageUnitKind;
  young_employees?: number;
  covered_by_organization_id?: number | null;
}

export interface ListQuery {
  limit?: number;
  cursor?: string | null;
  [key: string]: QueryValue;
}

export const getOrganization = (id: number) => get<Organization>(`/organizations/${id}`);
export const createOrganization = (input: OrganizationInput) =>
  post<Organization>('/organizations', input);
export const updateOrganization = (id: number, input: OrganizationInput) =>
  patch<Organization>(`/organizations/${id}`, input);
export const archiveOrganization = (id: number) =>
  post<Organization>(`/organizations/${id}/archive`);
export const moveOrganization = (id: number, newParentId: number | null) =>
  post<Organization>(`/organizations/${id}/move`, { new_parent_id: newParentId });

export const listChildren = (id: number, query: ListQuery = {}) =>
  get<Page<Organization>>(`/organizations/${id}/children`, { query });
export const listSubtree = (
  id: number,
  query: ListQuery & { kind?: OrganizationKind; setting?: OrganizationSetting; q?: string } = {},
) => get<Page<Organization>>(`/organizations/${id}/subtree`, { query });
export const searchOrganizations = (q: string, query: ListQuery = {}) =>
  get<Page<Organization>>('/organizations/search', { query: { ...query, q } });
/** An entry of the network directory: names and places in the tree only, never contacts. */
export interface DirectoryEntry {
  id: number;
  name: string;
  kind: OrganizationKind;
  setting: string;
  ancestors: { id: number; name: string }[];
}

/** Active organizations anywhere in the network by name (for destinations outside one's subtree). */
export const searchDirectory = (q: string, query: { kind?: OrganizationKind; limit?: number; cursor?: string | null } = {}) =>
  get<Page<DirectoryEntry>>('/organizations/directory', { query: { ...query, q } });
export const getOrganizationStats = (id: number) =>
  get<OrganizationStats>(`/organizations/${id}/stats`);

export const listCoverageUnits = (id: number, query: ListQuery & { covered?: boolean } = {}) =>
  get<Page<CoverageUnit>>(`/organizations/${id}/coverage-units`, { query });
export const createCoverageUnit = (organizationId: number, input: CoverageUnitInput) =>
  post<CoverageUnit>(`/organizations/${organizationId}/coverage-units`, input);
export const updateCoverageUnit = (id: number, input: CoverageUnitInput) =>
  patch<CoverageUnit>(`/coverage-units/${id}`, input);
