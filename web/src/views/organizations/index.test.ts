import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, stubFetch } from '@/testing/http';
import OrganizationPage from './index.vue';

const figures = (members: number) => ({
  organizations: 3,
  by_kind: { working_committee: 1, branch: 2 },
  members,
  cadres: 2,
  youth: 4,
  coverage: { units: 4, covered: 3, rate: 0.75 },
});

describe('organization page', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('en');
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() })));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
    window.localStorage.clear();
  });

  async function mountPage(role: string) {
    useSessionStore().grants = [{ organization_id: 7, organization_name: '天山街道团工委', role } as never];
    stubFetch(
      jsonResponse(200, { id: 7, name: '天山街道团工委', path: '/1/5/7/', kind: 'working_committee', setting: 'street', status: 'active' }),
      jsonResponse(200, { organization_id: 7, self: figures(0), subtree: figures(42) }),
      jsonResponse(200, { items: [{ id: 31, name: '风云社区团支部', kind: 'branch', setting: 'community', status: 'active' }], next_cursor: null }),
    );
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/app/organizations/:id', component: OrganizationPage }],
    });
    await router.push('/app/organizations/7');
    const wrapper = mount({ template: '<router-view />' }, {
      global: { plugins: [pinia, i18n, ElementPlus, router], stubs: { EChart: true } },
    });
    await flushPromises();
    return wrapper;
  }

  it('shows details, rolled-up stat cards and the admin actions', async () => {
    const wrapper = await mountPage('committee_admin');
    expect(wrapper.get('[data-testid="organization-name"]').text()).toBe('天山街道团工委');
    expect(wrapper.get('[data-testid="stat-members"]').text()).toContain('42');
    expect(wrapper.get('[data-testid="stat-members"]').text()).toContain('This level: 0');
    expect(wrapper.get('[data-testid="stat-coverage"]').text()).toContain('75.0%');
    expect(wrapper.find('[data-testid="create-child"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="archive-organization"]').exists()).toBe(true);
  });

  it('hides writes from a member', async () => {
    const wrapper = await mountPage('member');
    expect(wrapper.find('[data-testid="create-child"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="edit-organization"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="open-people"]').exists()).toBe(false);
  });
});
