// The spreadsheets module: import jobs (upload, progress, commit), templates and exports.
import { download, get, post, type QueryValue } from './request';

export type ImportKind = 'people' | 'organizations';
export type ImportStatus = 'validating' | 'validated' | 'importing' | 'done' | 'failed';
export type CommitMode = 'all' | 'valid_only';

export interface RowError {
  /** Spreadsheet line (1 is the file's first line); 0 for the whole file. */
  line: number;
  column: string | null;
  header?: string | null;
  field: string | null;
  message: string;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  organization_id: number;
  status: ImportStatus;
  total_rows: number;
  processed_rows: number;
  valid_rows: number;
  error_rows: number;
  importing_rows?: number;
  imported_rows: number;
  errors: RowError[];
  errors_truncated?: boolean;
  failure?: RowError | null;
}

export const startImport = (kind: ImportKind, organizationId: number, file: File | Blob) =>
  post<ImportJob>('/imports', file, { query: { kind, organization_id: organizationId } });
export const getImport = (id: string) => get<ImportJob>(`/imports/${encodeURIComponent(id)}`);
export const commitImport = (id: string, mode: CommitMode) =>
  post<ImportJob>(`/imports/${encodeURIComponent(id)}/commit`, { mode });

export const downloadTemplate = (kind: ImportKind) =>
  download(`/imports/templates/${kind}`, undefined, `${kind}-template.xlsx`);
export const exportPeople = (organizationId: number, query: Record<string, QueryValue> = {}) =>
  download(`/organizations/${organizationId}/people/export`, query, 'people.xlsx');
export const exportSubtree = (organizationId: number, query: Record<string, QueryValue> = {}) =>
  download(`/organizations/${organizationId}/subtree/export`, query, 'organizations.xlsx');
