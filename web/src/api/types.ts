// Types of the API taken from the generated schema (schema.ts, from the server's OpenAPI
// fragments): api/<module>.ts names them, nothing in web/src writes an answer's shape by hand.
import type { components, paths } from './schema';

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Fields the server writes on some answers only (`can` and `ancestors` on single-object
 * answers, `position` in cadre lists, the progress fields of an import). They stay optional
 * wherever they appear; see Present.
 */
type SometimesWritten = 'can' | 'ancestors' | 'position' | 'importing_rows' | 'errors_truncated' | 'failure' | 'timings';

/**
 * An answer as the server writes it. The fragments list every field of an object but mark few
 * of them required, while the server always writes them (null where empty); Present makes
 * every listed field present, at every depth, except those in SometimesWritten, which keep
 * what the fragment says. Where a fragment marks a field required this changes nothing.
 */
export type Present<T> = T extends readonly (infer U)[]
  ? Present<U>[]
  : T extends object
    ? { [K in keyof T as K extends SometimesWritten ? never : K]-?: Present<Exclude<T[K], undefined>> } & {
        [K in keyof T as K extends SometimesWritten ? K : never]: Present<T[K]>;
      }
    : T;

/** A component schema of the document, as the server writes it. */
export type Schema<N extends keyof Schemas> = Present<Schemas[N]>;

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Responses<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? R : never;

type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/** The JSON answer of an operation (its 200, 201 or 202), as the server writes it. */
export type Answer<P extends keyof paths, M extends Method> = Present<JsonOf<Success<Responses<P, M>>>>;

/** The JSON request body of an operation. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of an operation. */
export type Query<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The items of a list answer. */
export type ItemOf<P extends keyof paths> = Answer<P, 'get'> extends { items: (infer I)[] } ? I : never;

/** The query of a list operation; `cursor: null` asks for the first page. */
export type ListQuery<P extends keyof paths> = Omit<Query<P, 'get'>, 'cursor'> & { cursor?: string | null };

/**
 * A keyset page of T ({items, next_cursor}) for lists whose fragment does not describe the
 * answer yet: the shape of the described list answers, its items replaced.
 */
export type Page<T> = Omit<Answer<'/api/v1/organizations/{id}/children', 'get'>, 'items'> & { items: T[] };
