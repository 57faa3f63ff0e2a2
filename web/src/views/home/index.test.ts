import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import HomeView from './index.vue';

function viewport(mobile: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => ({ matches: mobile, addEventListener: vi.fn(), removeEventListener: vi.fn() })),
  );
}

describe('home dashboard', () => {
  let pinia: Pinia;

  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    const session = useSessionStore();
    session.account = { id: 3, login: 'branch-secretary', display_name: '支部书记' };
    session.grants = [
      { organization_id: 7, organization_name: '风云社区团支部', organization_path: '/1/5/7/', role: 'branch_secretary' },
    ];
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  const mountHome = () => mount(HomeView, { global: { plugins: [pinia, i18n, ElementPlus] } });

  it('shows the grants as a table on a wide screen', () => {
    viewport(false);
    const wrapper = mountHome();
    expect(wrapper.find('[data-testid="grant-table"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="grant-card"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('你好，支部书记');
  });

  it('shows the grants as cards on a phone', () => {
    viewport(true);
    const wrapper = mountHome();
    expect(wrapper.find('[data-testid="grant-table"]').exists()).toBe(false);
    const card = wrapper.get('[data-testid="grant-card"]');
    expect(card.text()).toContain('风云社区团支部');
    expect(card.text()).toContain('团支部书记');
  });
});
