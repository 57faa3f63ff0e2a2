import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';
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

  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const mountHome = () => mount(HomeView, { global: { plugins: [pinia, i18n, ElementPlus, router] } });

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

  it('lists the to-dos with what is waiting first, each a link, and the organization’s figures', async () => {
    viewport(true);
    const fetch = stubFetch(
      jsonResponse(200, {
        items: [
          { key: 'people.transfers_in', label: '待接收的转入', count: 0, area: 'people.transfers', link: '/app/organizations/7/transfers?direction=incoming' },
          { key: 'people.transfers_out', label: '待同意的转出', count: 2, area: 'people.transfers', link: '/app/organizations/7/transfers?direction=outgoing' },
        ],
        areas: ['people.transfers'],
        organization: { id: 7, name: '风云社区团支部' },
        figures: { organizations: 1, members: 12, youth: 30, cadres: 2, coverage_units: 4, coverage_covered: 3 },
        overdue: { items: [{ key: 'overdue.transfers', label: '超过 7 天未办结的组织关系转接', self: 1, subtree: 1, link: '/app/organizations/7/transfers' }] },
      }),
    );
    const wrapper = mountHome();
    await flushPromises();
    expect(recordedCall(fetch).url).toBe('/api/v1/my/work?organization_id=7');
    const rows = wrapper.findAll('[data-testid^="work-people."]');
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual(['work-people.transfers_out', 'work-people.transfers_in']);
    expect(rows[0].get('a').attributes('href')).toBe('/app/organizations/7/transfers?direction=outgoing');
    expect(rows[0].get('[data-testid="work-count"]').text()).toBe('2');
    expect(wrapper.get('[data-testid="work-overdue-overdue.transfers"]').text()).toContain('1');
    expect(wrapper.get('[data-testid="figure-members"]').text()).toContain('12');
    expect(wrapper.get('[data-testid="figure-coverage"]').text()).toContain('3 / 4');
  });

  it('says when nothing is waiting', async () => {
    viewport(false);
    stubFetch(jsonResponse(200, { items: [], areas: [], organization: null, figures: null, overdue: null }));
    const wrapper = mountHome();
    await flushPromises();
    expect(wrapper.get('[data-testid="work-empty"]').text()).toBe('目前没有需要您处理的事项。');
    expect(wrapper.find('[data-testid="work-figures"]').exists()).toBe(false);
  });
});
