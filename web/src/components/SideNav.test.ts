import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';
import SideNav from './SideNav.vue';

const page = { template: '<div />' };

function signIn() {
  const session = useSessionStore();
  session.account = { id: 1, login: 'admin', display_name: '管理员' };
  // The role would once have listed every entry; only the server's `can` counts now.
  session.grants = [{ organization_id: 7, organization_name: '风云社区团支部', organization_path: '/1/7/', role: 'committee_admin' }];
}

describe('SideNav', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    signIn();
  });
  afterEach(() => vi.unstubAllGlobals());

  async function labels(can: Record<string, boolean>, areas: string[] = []) {
    const work = { items: [], areas, organization: null, figures: null, overdue: null };
    const fetch = stubFetch(jsonResponse(200, work), jsonResponse(200, { id: 7, name: '风云社区团支部', can }));
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/app', component: page, meta: { navKey: 'shell.nav.home' } },
        { path: '/app/people', component: page, meta: { navKey: 'people.nav', can: 'people.list' } },
        { path: '/app/transfers', component: page, meta: { navKey: 'people.transfers.nav', can: 'people.transfers' } },
        { path: '/app/my-hours', component: page, meta: { navKey: 'volunteering.nav.myHours', needsPerson: true } },
        { path: '/app/approvals', component: page, meta: { navKey: 'volunteering.nav.approvals', area: 'volunteering.lead' } },
      ],
    });
    const wrapper = mount(SideNav, { global: { plugins: [pinia, i18n, ElementPlus, router], stubs: { OrgNavigator: true } } });
    await flushPromises();
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/my/work?organization_id=7');
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/organizations/7');
    expect(wrapper.get('[data-testid="side-nav"]').attributes('data-ready')).toBe('true');
    return wrapper.findAll('.el-menu-item').map((i) => i.text());
  }

  it('lists the entries the current organization’s can allows', async () => {
    expect(await labels({ 'people.list': true, 'people.transfers': false })).toEqual(['工作台', '团员与青年']);
  });

  it('lists pages about the caller’s own person only when the session has one', async () => {
    const session = useSessionStore();
    session.person = { id: 42 };
    expect(await labels({})).toEqual(['工作台', '我的时长']);
  });

  it('lists a leader’s pages only when the workbench counts leader work for the caller', async () => {
    expect(await labels({}, ['volunteering.volunteer'])).toEqual(['工作台']);
    setActivePinia((pinia = createPinia()));
    signIn();
    expect(await labels({}, ['volunteering.lead'])).toEqual(['工作台', '时长审核']);
  });

  it('treats a permission the answer does not name as not allowed', async () => {
    expect(await labels({})).toEqual(['工作台']);
  });
});
