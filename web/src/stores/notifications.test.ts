import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { POLL_MS, useNotificationStore } from './notifications';
import { jsonResponse, stubFetch } from '@/testing/http';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource extends EventTarget {
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  push(type: string, data?: unknown) {
    const event = data === undefined ? new Event(type) : new MessageEvent(type, { data: JSON.stringify(data) });
    this.dispatchEvent(event);
  }
  close() {
    this.closed = true;
  }
}

describe('notification store', () => {
  let source: FakeEventSource | null = null;
  const factory = (url: string) => {
    source = new FakeEventSource(url);
    return source as unknown as EventSource;
  };

  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('takes the count from the stream and stops polling while it is open', async () => {
    const fetch = stubFetch(jsonResponse(200, { unread: 2 }));
    const store = useNotificationStore();
    store.start(factory);
    await vi.waitFor(() => expect(store.unread).toBe(2));
    expect(source?.url).toBe('/api/v1/notifications/stream');
    source!.push('open');
    expect(store.live).toBe(true);
    source!.push('unread', { unread: 5 });
    expect(store.unread).toBe(5);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(fetch).toHaveBeenCalledTimes(1);
    store.stop();
    expect(source!.closed).toBe(true);
  });

  it('polls whenever the stream is down', async () => {
    const fetch = stubFetch(jsonResponse(200, { unread: 0 }), jsonResponse(200, { unread: 4 }));
    const store = useNotificationStore();
    store.start(factory);
    source!.push('open');
    source!.push('error');
    expect(store.live).toBe(false);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(store.unread).toBe(4);
    store.stop();
  });
});
