import { defineStore } from 'pinia';
import { ref } from 'vue';
import { NOTIFICATION_STREAM_URL, unreadCount } from '@/api/notifications';

/** How often the count is polled while the live stream is down (another instance, a proxy). */
export const POLL_MS = 30_000;

type EventSourceFactory = (url: string) => EventSource;

/**
 * The unread count of the signed-in account, live: a server-sent-events stream pushes every
 * change on this instance within a second or two; whenever the stream is down the count is
 * polled instead, so it stays right behind any proxy or on another instance.
 */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0);
  const live = ref(false);
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function refresh(): Promise<void> {
    try {
      unread.value = (await unreadCount()).unread;
    } catch {
      // A failed poll keeps the last count; the next one tries again.
    }
  }

  function startPolling(): void {
    if (timer === null) timer = setInterval(() => void refresh(), POLL_MS);
  }

  function stopPolling(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function start(factory?: EventSourceFactory): void {
    if (source) return;
    void refresh();
    startPolling();
    const open = factory ?? (typeof EventSource === 'undefined' ? null : (url: string) => new EventSource(url));
    if (!open) return;  // no EventSource here: polling only
    try {
      source = open(NOTIFICATION_STREAM_URL);
    } catch {
      source = null;
      return;
    }
    source.addEventListener('open', () => {
      live.value = true;
      stopPolling();
    });
    source.addEventListener('unread', (e) => {
      try {
        unread.value = JSON.parse((e as MessageEvent).data).unread;
      } catch {
        // ignore a malformed event
      }
    });
    source.addEventListener('error', () => {
      live.value = false;
      startPolling();
    });
  }

  function stop(): void {
    source?.close();
    source = null;
    live.value = false;
    stopPolling();
  }

  function set(count: number): void {
    unread.value = count;
  }

  return { unread, live, start, stop, refresh, set };
});
