// The spreadsheets module: import jobs (upload, progress, commit), templates and exports.
// Types from the generated schema (server/src/modules/spreadsheets/openapi.json).
import { searchHeaders } from './search';
import { download, get, post } from './request';
import type { Answer, Body, Query, Schema } from './types';

export type ImportJob = Schema<'SpreadsheetsImport'>;
export type ImportKind = ImportJob['kind'];
export type ImportStatus = ImportJob['status'];
/** Spreadsheet line (1 is the file's first line; 0 for the whole file), column, field, message. */
export type RowError = Schema<'SpreadsheetsRowError'>;
export type CommitMode = Body<'/api/v1/imports/{id}/commit', 'post'>['mode'];
/** The people export's query and `q`, the search term, sent in a header as by listPeople. */
export type PeopleExportQuery = Query<'/api/v1/organizations/{id}/people/export', 'get'> & { q?: string };
export type SubtreeExportQuery = Query<'/api/v1/organizations/{id}/subtree/export', 'get'>;

export const startImport = (kind: ImportKind, organizationId: number, file: File | Blob) =>
  post<Answer<'/api/v1/imports', 'post'>>('/imports', file, { query: { kind, organization_id: organizationId } });
export const getImport = (id: string) => get<Answer<'/api/v1/imports/{id}', 'get'>>(`/imports/${encodeURIComponent(id)}`);
export const commitImport = (id: string, mode: CommitMode) =>
  post<Answer<'/api/v1/imports/{id}/commit', 'post'>>(`/imports/${encodeURIComponent(id)}/commit`, { mode });

/** The bad rows of a validated import as .xlsx, with an error column, to fix and upload again. */
export const downloadImportErrors = (id: string) =>
  download(`/imports/${encodeURIComponent(id)}/errors`, undefined, 'import-errors.xlsx');
export const downloadTemplate = (kind: ImportKind) =>
  download(`/imports/templates/${kind}`, undefined, `${kind}-template.xlsx`);
export const exportPeople = (organizationId: number, { q, ...query }: PeopleExportQuery = {}) =>
  download(`/organizations/${organizationId}/people/export`, query, 'people.xlsx', searchHeaders(q));
export const exportSubtree = (organizationId: number, query: SubtreeExportQuery = {}) =>
  download(`/organizations/${organizationId}/subtree/export`, query, 'organizations.xlsx');
