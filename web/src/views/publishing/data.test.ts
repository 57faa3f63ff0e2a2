import { describe, expect, it } from 'vitest';
import type { Column } from '@/api/publishing';
import { articleInput, columnForm, columnInput, columnUpdate, memberNames, emptyArticleForm, emptyColumnForm, filterQuery, scheduleTime, textDiff } from './data';

describe('publishing data', () => {
  it('sends trimmed fields, leaves empty ones out and splits tags on either comma', () => {
    const m = { ...emptyArticleForm(3), title: '  标题 ', source: ' ', tags: '交流会，克拉玛依, 共青团、青年', body_html: '<p>x</p>' };
    const input = articleInput(m);
    expect(input.title).toBe('标题');
    expect(input.source).toBeUndefined();
    expect(input.tags).toEqual(['交流会', '克拉玛依', '共青团', '青年']);
    expect(input.source_url).toBeUndefined();
  });

  it('sends the source URL of a reprint only', () => {
    const m = { ...emptyArticleForm(), title: 't', source_url: 'https://example.org/a' };
    expect(articleInput(m).source_url).toBeUndefined();
    expect(articleInput({ ...m, origin: 'reprint' }).source_url).toBe('https://example.org/a');
  });

  it('maps the filters to the list query', () => {
    expect(filterQuery('all')).toEqual({});
    expect(filterQuery('scheduled')).toEqual({ scheduled: true });
    expect(filterQuery('submitted')).toEqual({ status: 'submitted' });
  });

  it('leaves a top-level column without parent', () => {
    expect(columnInput({ ...emptyColumnForm(), name: ' 通知公告 ' })).toEqual({ name: '通知公告', is_public: true, show_on_parents: false });
    expect(columnInput({ ...emptyColumnForm(), name: 'x', parent_id: 4 }).parent_id).toBe(4);
  });

  it('keeps a column\'s members when its form is saved (a PUT replaces them)', () => {
    const c = {
      id: 2, organization_id: 3, parent_id: 1, name: '共青团工作', position: 1, is_public: true, show_on_parents: true,
      trail: ['群团工作', '共青团工作'], public_url: '/site/3/columns/2', can: { edit: true, write: true, review: true },
      members: [
        { account_id: 7, role: 'editor', display_name: '干部' },
        { account_id: 8, role: 'reviewer', display_name: '管理员' },
      ],
    } as Column;
    const body = columnUpdate(c, { ...columnForm(c), name: '团的工作' });
    expect(body).toEqual({ name: '团的工作', parent_id: 1, is_public: true, show_on_parents: true, position: 1, editors: [7], reviewers: [8] });
    expect(memberNames(c, 'editor')).toBe('干部');
  });

  it('marks what a revision added and removed', () => {
    const parts = textDiff('会议 在 克拉玛依', '会议 在 乌鲁木齐');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('克拉玛依');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toContain('乌鲁木齐');
  });

  it('turns the picked time into RFC 3339, and nothing into nothing', () => {
    expect(scheduleTime(new Date(Date.UTC(2026, 11, 1, 2, 0)))).toBe('2026-12-01T02:00:00.000Z');
    expect(scheduleTime(null)).toBeUndefined();
  });
});
