// The audit log of a subtree (committee admins): who changed what, when, before and after.
// Types from the generated schema (server/src/modules/audit/openapi.json).
import { download, get } from './request';
import { SEARCH_ACTOR_HEADER, searchHeaders } from './search';
import type { Answer, ItemOf, ListQuery } from './types';

export type AuditEntry = ItemOf<'/api/v1/audit'>;
/**
 * The list's query, and `actor`, who (a login or a phone number), which travels in the
 * X-Search-Actor header, never in the URL (the server refuses ?actor=; api/search.ts).
 */
export type AuditQuery = ListQuery<'/api/v1/audit'> & { actor?: string };

export const listAudit = ({ actor, ...query }: AuditQuery) =>
  get<Answer<'/api/v1/audit', 'get'>>('/audit', { query, headers: searchHeaders(actor, SEARCH_ACTOR_HEADER) });
/** The same entries (every page) as an .xlsx download. */
export const exportAudit = ({ actor, ...query }: Omit<AuditQuery, 'limit' | 'cursor'>) =>
  download('/audit/export', query, 'audit.xlsx', searchHeaders(actor, SEARCH_ACTOR_HEADER));
