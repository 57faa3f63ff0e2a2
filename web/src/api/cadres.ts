// The cadres module: contacts of an organization.
// Types from the generated schema (server/src/modules/cadres/openapi.json).
import { get, post } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type Contact = Schema<'CadresContact'>;
export type NewContact = Body<'/api/v1/organizations/{id}/cadres', 'post'>;

export const listContacts = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/cadres'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/cadres', 'get'>>(`/organizations/${organizationId}/cadres`, {
    query: { ...query, q: query.q || undefined },
  });
export const createContact = (organizationId: number, input: NewContact) =>
  post<Answer<'/api/v1/organizations/{id}/cadres', 'post'>>(`/organizations/${organizationId}/cadres`, input);
export const getContact = (id: number) => get<Answer<'/api/v1/cadres/{id}', 'get'>>(`/cadres/${id}`);
