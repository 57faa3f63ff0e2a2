// The organizations module: the tree, its details, stats and coverage units.
// Types from the generated schema (server/src/modules/organizations/openapi.json).
import { download, get, patch, post } from './request';
import { coverageUnitKindValues, organizationKindValues, organizationSettingValues } from './schema';
import type { Answer, Body, ItemOf, ListQuery, Query, Schema } from './types';

export const ORGANIZATION_KINDS = organizationKindValues;
export const ORGANIZATION_SETTINGS = organizationSettingValues;
export const COVERAGE_UNIT_KINDS = coverageUnitKindValues;

export type Organization = Schema<'Organization'>;
export type OrganizationKind = Organization['kind'];
export type OrganizationSetting = Organization['setting'];
/** An organization above another, root first; `readable` when the caller may open it. */
export type Ancestor = NonNullable<Organization['ancestors']>[number];
/** What the caller may do with one organization, by permission name; a missing name is false. */
export type Abilities = NonNullable<Organization['can']>;

export type OrganizationStats = Schema<'OrganizationStats'>;
export type StatFigures = OrganizationStats['subtree'];
export type CoverageUnit = Schema<'CoverageUnit'>;
/** A unit as the lists answer it: with where it is registered and who covers it, by name. */
export type ListedCoverageUnit = Schema<'ListedCoverageUnit'>;
/** A row of the per-child coverage table (the server's order: least covered first). */
export type ChildCoverage = Schema<'ChildCoverage'>;
export type CoverageUnitsQuery = Query<'/api/v1/organizations/{id}/coverage-units/export', 'get'>;
export type CoverageUnitKind = CoverageUnit['kind'];
/** An entry of the network directory: names and places in the tree only, never contacts. */
export type DirectoryEntry = ItemOf<'/api/v1/organizations/directory'>;

/** The writable fields of PATCH; null clears an optional one. */
export type OrganizationInput = Body<'/api/v1/organizations/{id}', 'patch'>;
export type NewOrganization = Body<'/api/v1/organizations', 'post'>;
export type CoverageUnitInput = Body<'/api/v1/coverage-units/{id}', 'patch'>;

export const getOrganization = (id: number) => get<Answer<'/api/v1/organizations/{id}', 'get'>>(`/organizations/${id}`);
export const createOrganization = (input: NewOrganization) =>
  post<Answer<'/api/v1/organizations', 'post'>>('/organizations', input);
export const updateOrganization = (id: number, input: OrganizationInput) =>
  patch<Answer<'/api/v1/organizations/{id}', 'patch'>>(`/organizations/${id}`, input);
export const archiveOrganization = (id: number) =>
  post<Answer<'/api/v1/organizations/{id}/archive', 'post'>>(`/organizations/${id}/archive`);
export const restoreOrganization = (id: number) =>
  post<Answer<'/api/v1/organizations/{id}/restore', 'post'>>(`/organizations/${id}/restore`);
export const moveOrganization = (id: number, newParentId: number | null) =>
  post<Answer<'/api/v1/organizations/{id}/move', 'post'>>(`/organizations/${id}/move`, { new_parent_id: newParentId });

export const listChildren = (id: number, query: ListQuery<'/api/v1/organizations/{id}/children'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/children', 'get'>>(`/organizations/${id}/children`, { query });
export const listSubtree = (id: number, query: ListQuery<'/api/v1/organizations/{id}/subtree'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/subtree', 'get'>>(`/organizations/${id}/subtree`, { query });
export const searchOrganizations = (q: string, query: Omit<ListQuery<'/api/v1/organizations/search'>, 'q'> = {}) =>
  get<Answer<'/api/v1/organizations/search', 'get'>>('/organizations/search', { query: { ...query, q } });
/** Active organizations anywhere in the network by name (for destinations outside one's subtree). */
export const searchDirectory = (q: string, query: Omit<ListQuery<'/api/v1/organizations/directory'>, 'q'> = {}) =>
  get<Answer<'/api/v1/organizations/directory', 'get'>>('/organizations/directory', { query: { ...query, q } });
export const getOrganizationStats = (id: number) =>
  get<Answer<'/api/v1/organizations/{id}/stats', 'get'>>(`/organizations/${id}/stats`);

/** What waits too long in this organization and below (the jobs keep the counts), with where to look. */
export const getOverdueCounts = (id: number) =>
  get<Answer<'/api/v1/organizations/{id}/overdue', 'get'>>(`/organizations/${id}/overdue`);
export type OverdueCount = Answer<'/api/v1/organizations/{id}/overdue', 'get'>['items'][number];

export const listCoverageUnits = (id: number, query: ListQuery<'/api/v1/organizations/{id}/coverage-units'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/coverage-units', 'get'>>(`/organizations/${id}/coverage-units`, {
    query,
  });
export const createCoverageUnit = (organizationId: number, input: Body<'/api/v1/organizations/{id}/coverage-units', 'post'>) =>
  post<Answer<'/api/v1/organizations/{id}/coverage-units', 'post'>>(`/organizations/${organizationId}/coverage-units`, input);
export const updateCoverageUnit = (id: number, input: CoverageUnitInput) =>
  patch<Answer<'/api/v1/coverage-units/{id}', 'patch'>>(`/coverage-units/${id}`, input);

/** Each active child with its subtree's coverage, from the counters in one request. */
export const listChildCoverage = (id: number) =>
  get<Answer<'/api/v1/organizations/{id}/coverage-by-child', 'get'>>(`/organizations/${id}/coverage-by-child`);
/** The coverage units list (same covered/scope) as an .xlsx download. */
export const exportCoverageUnits = (id: number, query: CoverageUnitsQuery = {}) =>
  download(`/organizations/${id}/coverage-units/export`, query, 'coverage-units.xlsx');
/** The per-child coverage table as an .xlsx download. */
export const exportChildCoverage = (id: number) =>
  download(`/organizations/${id}/coverage-by-child/export`, undefined, 'coverage-by-child.xlsx');
