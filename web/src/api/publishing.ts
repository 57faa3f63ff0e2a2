// The publishing module: columns, articles and their review workflow, revisions, uploads.
// Types from the generated schema (server/src/modules/publishing/openapi.json).
import { get, post, put } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type Column = Schema<'PublishingColumn'>;
export type Article = Schema<'PublishingArticle'>;
export type Revision = Schema<'PublishingRevision'>;
export type RevisionFull = Schema<'PublishingRevisionFull'>;
export type Upload = Schema<'PublishingUpload'>;
export type ArticleStatus = Article['status'];
export type ColumnInput = Body<'/api/v1/organizations/{id}/publishing/columns', 'post'>;
export type ArticleInput = Body<'/api/v1/publishing/columns/{id}/articles', 'post'>;
export type ArticleQuery = ListQuery<'/api/v1/organizations/{id}/publishing/articles'>;

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'submitted', 'approved', 'published', 'withdrawn'];

export const listColumns = (organizationId: number) =>
  get<Answer<'/api/v1/organizations/{id}/publishing/columns', 'get'>>(`/organizations/${organizationId}/publishing/columns`);
export const createColumn = (organizationId: number, input: ColumnInput) =>
  post<Column>(`/organizations/${organizationId}/publishing/columns`, input);
export const updateColumn = (id: number, input: ColumnInput) => put<Column>(`/publishing/columns/${id}`, input);

export const listArticles = (organizationId: number, query: ArticleQuery = {}) =>
  get<Answer<'/api/v1/organizations/{id}/publishing/articles', 'get'>>(`/organizations/${organizationId}/publishing/articles`, {
    query: { ...query, q: query.q || undefined },
  });
export const createArticle = (columnId: number, input: ArticleInput) =>
  post<Article>(`/publishing/columns/${columnId}/articles`, input);
/** The newest public articles of the whole network (no session; the front page's news). */
export const listLatestArticles = (limit = 5) =>
  get<Answer<'/api/v1/publishing/latest', 'get'>>('/publishing/latest', { query: { limit } });
export const getArticle = (id: number) => get<Article>(`/publishing/articles/${id}`);
export const updateArticle = (id: number, revision: number, input: ArticleInput) =>
  put<Article>(`/publishing/articles/${id}`, { ...input, revision });

export const submitArticle = (id: number) => post<Article>(`/publishing/articles/${id}/submit`);
export const approveArticle = (id: number, note?: string) =>
  post<Article>(`/publishing/articles/${id}/approve`, note ? { note } : {});
export const rejectArticle = (id: number, note: string) => post<Article>(`/publishing/articles/${id}/reject`, { note });
/** Publishes now, or schedules for `at` (RFC 3339). */
export const publishArticle = (id: number, at?: string) =>
  post<Article>(`/publishing/articles/${id}/publish`, at ? { publish_at: at } : {});
export const withdrawArticle = (id: number, reason: string) =>
  post<Article>(`/publishing/articles/${id}/withdraw`, { reason });

export const listRevisions = (id: number) =>
  get<Answer<'/api/v1/publishing/articles/{id}/revisions', 'get'>>(`/publishing/articles/${id}/revisions`);
export const getRevision = (id: number, revision: number) =>
  get<RevisionFull>(`/publishing/articles/${id}/revisions/${revision}`);

/** What the server keeps of a body (the editor's preview); stores nothing. */
export const previewBody = (bodyHtml: string) =>
  post<Answer<'/api/v1/publishing/preview', 'post'>>('/publishing/preview', { body_html: bodyHtml });
/** Uploads a file as it is; the server sniffs its type. */
export const uploadFile = (organizationId: number, file: File) =>
  post<Upload>(`/organizations/${organizationId}/publishing/uploads`, file, { query: { name: file.name } });
