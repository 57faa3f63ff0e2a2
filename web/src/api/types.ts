// Types of the API taken from the generated schema (schema.ts, from the server's OpenAPI
// fragments, which the server's API tests check every answer against): api/<module>.ts names
// them, nothing in web/src writes an answer's shape by hand.
import type { components, paths } from './schema';

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A component schema of the document. */
export type Schema<N extends keyof Schemas> = Schemas[N];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Responses<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? R : never;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/** The JSON answer of an operation (its 200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method> = JsonOf<Success<Responses<P, M>>>;

/** The JSON request body of an operation. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of an operation. */
export type Query<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The query of a list operation; `cursor: null` asks for the first page. */
export type ListQuery<P extends keyof paths> = Omit<Query<P, 'get'>, 'cursor'> & { cursor?: string | null };

/** The items of a list answer. */
export type ItemOf<P extends keyof paths> = Answer<P, 'get'> extends { items: (infer I)[] } ? I : never;
