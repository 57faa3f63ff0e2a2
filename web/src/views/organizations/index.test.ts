import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse } from '@/testing/http';
import OrganizationPage from './index.vue';

const figures = (members: number) => ({
  organizations: 3,
  by_kind: { committee: 0, working_committee: 1, general_branch: 0, branch: 2 },
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

  // The page shows exactly what the server's `can` allows, whatever the grants say.
  async function mountPage(can: Record<string, boolean>) {
    useSessionStore().grants = [{ organization_id: 7, organization_name: '天山街道团工委', role: 'committee_admin' } as never];
    const organization = {
      id: 7,
      name: '天山街道团工委',
      path: '/1/5/7/',
      kind: 'working_committee',
      setting: 'street',
      status: 'active',
      can,
      ancestors: [
        { id: 1, name: '新疆维吾尔自治区团委', readable: false },
        { id: 5, name: '克拉玛依市团委', readable: true },
      ],
    };
    const children = { items: [{ id: 31, name: '风云社区团支部', kind: 'branch', setting: 'community', status: 'active' }], next_cursor: null };
    // The children list and the organization are asked for at the same time.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.endsWith('/children?limit=50')) return jsonResponse(200, children);
        if (url.endsWith('/overdue'))
          return jsonResponse(200, {
            items: [
              { key: 'overdue.transfers', label: 'Transfers waiting over 7 days', self: 0, subtree: 2, link: '/app/organizations/7/transfers' },
              { key: 'overdue.corrections', label: 'Corrections', self: 0, subtree: 0, link: '/app/people' },
            ],
          });
        if (url.endsWith('/stats')) return jsonResponse(200, { organization_id: 7, self: figures(0), subtree: figures(42) });
        return jsonResponse(200, organization);
      }),
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

  it('does not ask for the overdue view without people.list (a member would be refused)', async () => {
    const wrapper = await mountPage({});
    const asked = (fetch as unknown as { mock: { calls: [string][] } }).mock.calls.map(([url]) => url);
    expect(asked.some((u) => u.endsWith('/overdue'))).toBe(false);
    expect(wrapper.find('[data-testid="overdue-card"]').exists()).toBe(false);
  });

  it('shows where it sits, details, rolled-up stat cards and the actions the server allows', async () => {
    const wrapper = await mountPage({
      'organizations.create_child': true,
      'organizations.archive': true,
      'organizations.update': true,
      'people.list': true,
    });
    // Only what is actually late shows, with the count below this organization and a link.
    const overdue = wrapper.get('[data-testid="overdue-card"]');
    expect(overdue.get('[data-testid="overdue-overdue.transfers"]').text()).toContain('2');
    expect(overdue.find('[data-testid="overdue-overdue.corrections"]').exists()).toBe(false);
    expect(overdue.get('a').attributes('href')).toBe('/app/organizations/7/transfers');
    const crumbs = wrapper.get('[data-testid="organization-breadcrumb"]');
    expect(crumbs.text()).toContain('新疆维吾尔自治区团委');
    // Only readable ancestors are links.
    expect(crumbs.findAll('a').map((a) => a.attributes('href'))).toEqual(['/app/organizations/5']);
    expect(wrapper.get('[data-testid="organization-name"]').text()).toBe('天山街道团工委');
    expect(wrapper.get('[data-testid="stat-members"]').text()).toContain('42');
    expect(wrapper.get('[data-testid="stat-members"]').text()).toContain('This level: 0');
    expect(wrapper.get('[data-testid="stat-coverage"]').text()).toContain('75.0%');
    expect(wrapper.find('[data-testid="create-child"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="archive-organization"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="edit-organization"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="open-people"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="move-organization"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="open-transfers"]').exists()).toBe(false);
  });

  it('hides what `can` does not allow or does not name, even for an admin grant', async () => {
    const wrapper = await mountPage({ 'organizations.read': true, 'organizations.create_child': false });
    for (const action of ['create-child', 'edit-organization', 'open-people', 'archive-organization']) {
      expect(wrapper.find(`[data-testid="${action}"]`).exists(), action).toBe(false);
    }
  });

  it('lets a branch secretary edit the details of its own branch (update_details)', async () => {
    const wrapper = await mountPage({ 'organizations.update_details': true });
    expect(wrapper.find('[data-testid="edit-organization"]').exists()).toBe(true);
  });

  it('lists the children', async () => {
    const wrapper = await mountPage({});
    expect(wrapper.get('[data-testid="children-table"]').text()).toContain('风云社区团支部');
  });
});
