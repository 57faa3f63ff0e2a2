// The audit log of a subtree (committee admins): who changed what, when, before and after.
// Types from the generated schema (server/src/modules/audit/openapi.json).
import { download, get } from './request';
import type { Answer, ItemOf, ListQuery } from './types';

export type AuditEntry = ItemOf<'/api/v1/audit'>;
export type AuditQuery = ListQuery<'/api/v1/audit'>;

export const listAudit = (query: AuditQuery) => get<Answer<'/api/v1/audit', 'get'>>('/audit', { query });
/** The same entries (every page) as an .xlsx download. */
export const exportAudit = (query: Omit<AuditQuery, 'limit' | 'cursor'>) =>
  download('/audit/export', query, 'audit.xlsx');
