import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ref } from 'vue';
import { ApiError } from '@/api/request';
import { withSetup } from '@/testing/setup';
import { useKeysetList } from './useKeysetList';

/** A server of 5 numbered rows for a filter, in pages of 2, keyed by the last row. */
function server() {
  const calls: { filters: Record<string, unknown>; cursor: string | null }[] = [];
  const fetch = vi.fn(async (filters: { kind: string; q: string }, cursor: string | null) => {
    calls.push({ filters: { ...filters }, cursor });
    const start = cursor ? Number(cursor) : 0;
    const items = [1, 2, 3, 4, 5].slice(start, start + 2).map((n) => `${filters.kind}${filters.q}${n}`);
    return { items, next_cursor: start + 2 < 5 ? String(start + 2) : null };
  });
  return { fetch, calls };
}

describe('useKeysetList', () => {
  afterEach(() => vi.useRealTimers());

  it('loads the first page, then each next page by its cursor until there is none', async () => {
    const { fetch, calls } = server();
    const { result: list } = withSetup(() => useKeysetList({ filters: { kind: 'a', q: '' }, fetch }));
    await flushPromises();
    expect(list.items).toEqual(['a1', 'a2']);
    expect(list.hasMore).toBe(true);
    await list.more();
    await list.more();
    expect(list.items).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(list.hasMore).toBe(false);
    await list.more(); // nothing left: no request
    expect(calls.map((c) => c.cursor)).toEqual([null, '2', '4']);
  });

  it('starts again from the first page when a filter or a watched value changes', async () => {
    const { fetch, calls } = server();
    const org = ref(1);
    const { result: list } = withSetup(() => useKeysetList({ filters: { kind: 'a', q: '' }, fetch, watch: [org] }));
    await flushPromises();
    await list.more();
    list.filters.kind = 'b';
    await flushPromises();
    expect(list.items).toEqual(['b1', 'b2']);
    expect(calls.at(-1)).toEqual({ filters: { kind: 'b', q: '' }, cursor: null });
    org.value = 2;
    await flushPromises();
    expect(calls.at(-1)?.cursor).toBeNull();
    expect(calls).toHaveLength(4);
  });

  it('waits for a pause in typed filters before it asks', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = server();
    const { result: list } = withSetup(() => useKeysetList({ filters: { kind: 'a', q: '' }, fetch, debounce: ['q'] }));
    await flushPromises();
    list.filters.q = 'x';
    await flushPromises();
    list.filters.q = 'xy';
    await flushPromises();
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(2);
    expect(list.items).toEqual(['axy1', 'axy2']);
  });

  it('drops the answer of a request the filters have overtaken', async () => {
    const answers: Array<(v: { items: string[]; next_cursor: null }) => void> = [];
    const fetch = vi.fn(() => new Promise<{ items: string[]; next_cursor: null }>((resolve) => answers.push(resolve)));
    const { result: list } = withSetup(() => useKeysetList({ filters: { kind: 'a' }, fetch }));
    list.filters.kind = 'b';
    await flushPromises();
    answers[1]({ items: ['new'], next_cursor: null });
    answers[0]({ items: ['old'], next_cursor: null });
    await flushPromises();
    expect(list.items).toEqual(['new']);
    expect(list.loading).toBe(false);
  });

  it('shows a failure on its line and keeps the rows it has when a next page fails', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce({ items: [1, 2], next_cursor: 'c' })
      .mockRejectedValueOnce(new ApiError({ status: 422, title: 'x', detail: '游标无效' }));
    const { result: list } = withSetup(() => useKeysetList({ fetch }));
    await flushPromises();
    await list.more();
    expect(list.items).toEqual([1, 2]);
    expect(list.failure).toBe('游标无效');
  });

  it('exports with the same filters', async () => {
    const { fetch } = server();
    const exporter = vi.fn(() => Promise.resolve());
    const { result: list } = withSetup(() => useKeysetList({ filters: { kind: 'a', q: 'z' }, fetch, exporter }));
    expect(list.canExport).toBe(true);
    const done = list.exportFile();
    expect(list.exporting).toBe(true);
    await done;
    expect(exporter).toHaveBeenCalledWith(expect.objectContaining({ kind: 'a', q: 'z' }));
    expect(list.exporting).toBe(false);
  });
});
