// The publishing module: columns of an organization.
// Types from the generated schema (server/src/modules/publishing/openapi.json).
import { get, post } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type Column = Schema<'PublishingColumn'>;
export type NewColumn = Body<'/api/v1/organizations/{id}/publishing', 'post'>;

export const listColumns = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/publishing'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/publishing', 'get'>>(`/organizations/${organizationId}/publishing`, {
    query: { ...query, q: query.q || undefined },
  });
export const createColumn = (organizationId: number, input: NewColumn) =>
  post<Answer<'/api/v1/organizations/{id}/publishing', 'post'>>(`/organizations/${organizationId}/publishing`, input);
export const getColumn = (id: number) => get<Answer<'/api/v1/publishing/{id}', 'get'>>(`/publishing/${id}`);
