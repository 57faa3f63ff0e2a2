// The __MODULE__ module: __ENTITIES_WORDS__ of an organization.
// Types from the generated schema (server/src/modules/__MODULE__/openapi.json).
import { get, post } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type __Entity__ = Schema<'__Module____Entity__'>;
export type New__Entity__ = Body<'/api/v1/organizations/{id}/__MODULE__', 'post'>;

export const list__Entities__ = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/__MODULE__'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/__MODULE__', 'get'>>(`/organizations/${organizationId}/__MODULE__`, {
    query: { ...query, q: query.q || undefined },
  });
export const create__Entity__ = (organizationId: number, input: New__Entity__) =>
  post<Answer<'/api/v1/organizations/{id}/__MODULE__', 'post'>>(`/organizations/${organizationId}/__MODULE__`, input);
export const get__Entity__ = (id: number) => get<Answer<'/api/v1/__MODULE__/{id}', 'get'>>(`/__MODULE__/${id}`);
