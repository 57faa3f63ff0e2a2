// The publishing screens' declarations, once: the article list's columns, the status filters,
// the article form's fields (the body is the rich-text editor beside them), the column form,
// and the pure helpers the screens and their tests share.
import { diffWords } from 'diff';
import type { Article, ArticleInput, ArticleStatus, Column, ColumnInput } from '@/api/publishing';
import type { Column as ListColumn, TagType } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';
import { optionsOf } from '@/components/formFields';

export const STATUS_TAGS: Record<ArticleStatus, TagType> = {
  draft: 'info',
  submitted: 'warning',
  approved: 'primary',
  published: 'success',
  withdrawn: 'danger',
};

/** The list's filters: a status, the scheduled ones, or all. */
export const FILTERS = ['all', 'draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleFilter = (typeof FILTERS)[number];

export function filterQuery(filter: ArticleFilter): { status?: ArticleStatus; scheduled?: boolean } {
  if (filter === 'all') return {};
  if (filter === 'scheduled') return { scheduled: true };
  return { status: filter };
}

export const ARTICLE_COLUMNS: ListColumn<Article>[] = [
  {
    key: 'title',
    label: 'publishing.fields.title',
    text: (a) => a.title,
    to: (a) => `/app/publishing/articles/${a.id}`,
    card: 'title',
    minWidth: 240,
    testid: 'article-title',
  },
  { key: 'trail', label: 'publishing.fields.column', text: (a) => a.trail.join(' › '), card: 'meta', minWidth: 160 },
  {
    key: 'status',
    label: 'publishing.fields.status',
    text: (a, t) => t(`publishing.status.${a.status}`),
    tag: (a) => STATUS_TAGS[a.status],
    card: 'head',
    width: 110,
    testid: 'article-status',
  },
  {
    key: 'when',
    label: 'publishing.fields.when',
    text: (a) => shortTime(a.publish_at ?? a.published_at ?? a.updated_at),
    card: 'meta',
    width: 150,
  },
];

export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface ArticleFormModel {
  column_id: number | '';
  title: string;
  subtitle: string;
  source: string;
  source_url: string;
  author: string;
  editor: string;
  origin: 'original' | 'reprint';
  summary: string;
  tags: string;
  body_html: string;
}

export interface ArticleFormContext {
  columns: { value: number; text: string }[];
  editing: boolean;
}

export const ARTICLE_FIELDS: FormField<ArticleFormModel, ArticleFormContext>[] = [
  {
    key: 'column_id',
    kind: 'select',
    label: 'publishing.fields.column',
    required: true,
    options: (c) => c.columns,
    disabled: (_m, c) => c.editing,
  },
  { key: 'title', kind: 'text', label: 'publishing.fields.title', required: true, maxlength: 120 },
  { key: 'subtitle', kind: 'text', label: 'publishing.fields.subtitle', maxlength: 120 },
  { key: 'origin', kind: 'segmented', label: 'publishing.fields.origin', options: optionsOf(['original', 'reprint'], 'publishing.origin.'), half: true },
  { key: 'source', kind: 'text', label: 'publishing.fields.source', maxlength: 60, half: true },
  { key: 'source_url', kind: 'text', label: 'publishing.fields.source_url', maxlength: 2048, required: (m) => m.origin === 'reprint', visible: (m) => m.origin === 'reprint' },
  { key: 'author', kind: 'text', label: 'publishing.fields.author', maxlength: 40, half: true },
  { key: 'editor', kind: 'text', label: 'publishing.fields.editor', maxlength: 40, half: true },
  { key: 'summary', kind: 'textarea', label: 'publishing.fields.summary', maxlength: 300 },
  { key: 'tags', kind: 'text', label: 'publishing.fields.tags', hint: 'publishing.tagsHint' },
];

export function emptyArticleForm(columnId: number | '' = ''): ArticleFormModel {
  return {
    column_id: columnId,
    title: '',
    subtitle: '',
    source: '',
    source_url: '',
    author: '',
    editor: '',
    origin: 'original',
    summary: '',
    tags: '',
    body_html: '',
  };
}

export function articleForm(a: Article): ArticleFormModel {
  return {
    column_id: a.column_id,
    title: a.title,
    subtitle: a.subtitle ?? '',
    source: a.source ?? '',
    source_url: a.source_url ?? '',
    author: a.author ?? '',
    editor: a.editor ?? '',
    origin: a.origin,
    summary: a.summary ?? '',
    tags: a.tags.join('，'),
    body_html: a.body_html,
  };
}

/** The body sent: trimmed texts, empty ones left out, tags split on commas (either width). */
export function articleInput(m: ArticleFormModel): ArticleInput {
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  const tags = m.tags
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    title: m.title.trim(),
    subtitle: optional(m.subtitle),
    source: optional(m.source),
    source_url: m.origin === 'reprint' ? optional(m.source_url) : undefined,
    author: optional(m.author),
    editor: optional(m.editor),
    origin: m.origin,
    summary: optional(m.summary),
    tags,
    body_html: m.body_html,
  };
}

/** Column choices as breadcrumbs ("群团工作 › 共青团工作"), parents first. */
export function columnChoices(columns: readonly Column[]): { value: number; text: string }[] {
  return columns.map((c) => ({ value: c.id, text: c.trail.join(' › ') }));
}

export const COLUMN_COLUMNS: ListColumn<Column>[] = [
  { key: 'trail', label: 'publishing.fields.columnName', text: (c) => c.trail.join(' › '), card: 'title', minWidth: 200, testid: 'column-name' },
  {
    key: 'public',
    label: 'publishing.fields.visibility',
    text: (c, t) => t(c.is_public ? 'publishing.visibility.public' : 'publishing.visibility.internal'),
    tag: (c) => (c.is_public ? 'success' : 'info'),
    card: 'head',
    width: 110,
  },
  { key: 'editors', label: 'publishing.fields.editors', text: (c) => memberNames(c, 'editor'), card: 'line', minWidth: 160 },
  { key: 'reviewers', label: 'publishing.fields.reviewers', text: (c) => memberNames(c, 'reviewer'), card: 'line', minWidth: 160 },
];

export function memberNames(c: Column, role: 'editor' | 'reviewer'): string {
  return c.members
    .filter((m) => m.role === role)
    .map((m) => m.display_name)
    .join('、');
}

/** The column as its form shows it. */
export function columnForm(c: Column): ColumnFormModel {
  return { name: c.name, parent_id: c.parent_id || '', is_public: c.is_public, show_on_parents: c.show_on_parents };
}

/** The PUT body: the form, and the members the column has (a PUT replaces them). */
export function columnUpdate(c: Column, m: ColumnFormModel): ColumnInput {
  return {
    ...columnInput(m),
    position: c.position,
    editors: c.members.filter((x) => x.role === 'editor').map((x) => x.account_id),
    reviewers: c.members.filter((x) => x.role === 'reviewer').map((x) => x.account_id),
  };
}

export interface ColumnFormModel {
  name: string;
  parent_id: number | '';
  is_public: boolean;
  show_on_parents: boolean;
}

export interface ColumnFormContext {
  parents: { value: number; text: string }[];
}

export const COLUMN_FIELDS: FormField<ColumnFormModel, ColumnFormContext>[] = [
  { key: 'name', kind: 'text', label: 'publishing.fields.columnName', required: true, maxlength: 30 },
  { key: 'parent_id', kind: 'select', label: 'publishing.fields.parent', options: (c) => c.parents },
  { key: 'is_public', kind: 'checkbox', label: 'publishing.fields.isPublic' },
  { key: 'show_on_parents', kind: 'checkbox', label: 'publishing.fields.showOnParents' },
];

export const COLUMN_DIALOG: FormDialogSpec<ColumnFormModel, ColumnFormContext> = {
  fields: COLUMN_FIELDS,
  testid: 'column-form',
  fieldTestidPrefix: 'column-field-',
};

export function emptyColumnForm(): ColumnFormModel {
  return { name: '', parent_id: '', is_public: true, show_on_parents: false };
}

export function columnInput(m: ColumnFormModel): ColumnInput {
  return {
    name: m.name.trim(),
    ...(m.parent_id ? { parent_id: m.parent_id } : {}),
    is_public: m.is_public,
    show_on_parents: m.show_on_parents,
  };
}

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** Word-level differences between two revisions' texts (Chinese is compared character by character). */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((p) => ({
    text: p.value,
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
  }));
}

/** An RFC 3339 time from the date-time picker's value, or undefined. */
export function scheduleTime(value: Date | string | null | undefined): string | undefined {
  if (!value) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
