import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useNotificationStore } from '@/stores/notifications';
import NotificationBell from './NotificationBell.vue';

// WCAG 2.5.3 (Label in Name), as axe-core's label-content-name-mismatch reads it: the badge's
// visible count is a word of the link's accessible name once parentheticals (full-width ones
// too, after NFKD) are dropped.
function wordsOutsideParentheses(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\([^()]*\)/g, '')
    .split(/[^\p{L}\p{N}]+|(?<=\p{Script=Han})|(?=\p{Script=Han})/u)
    .filter(Boolean);
}

describe('NotificationBell', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
  });

  async function bell(unread: number) {
    const store = useNotificationStore();
    // No stream nor polling in a unit test: the count is set directly.
    vi.spyOn(store, 'start').mockImplementation(() => {});
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)', component: { template: '<div />' } }] });
    const wrapper = mount(NotificationBell, { global: { plugins: [pinia, i18n, ElementPlus, router] } });
    store.set(unread);
    await wrapper.vm.$nextTick();
    const link = wrapper.get('[data-testid="notification-bell"]');
    return { name: link.attributes('aria-label') ?? '', badge: link.get('sup').text() };
  }

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [unread, shown] of [
      [1, '1'],
      [12, '12'],
      [120, '99+'],
    ] as const) {
      it(`names the link with the count the badge shows (${locale}, ${unread} unread)`, async () => {
        setLocale(locale);
        const { name, badge } = await bell(unread);
        expect(badge).toBe(shown);
        expect(wordsOutsideParentheses(name)).toContain(shown.replace('+', ''));
      });
    }
  }
});
