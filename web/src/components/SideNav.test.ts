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

describe('SideNav', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    // The role would once have listed every entry; only the server's `can` counts now.
    useSessionStore().grants = [{ organization_id: 7, organization_name: '风云社区团支部', organization_path: '/1/7/', role: 'committee_admin' }];
  });
  afterEach(() => vi.unstubAllGlobals());

  async function labels(can: Record<string, boolean>) {
    const fetch = stubFetch(jsonResponse(200, { id: 7, name: '风云社区团支部', can }));
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/app', component: page, meta: { navKey: 'shell.nav.home' } },
        { path: '/app/people', component: page, meta: { navKey: 'people.nav', can: 'people.list' } },
        { path: '/app/transfers', component: page, meta: { navKey: 'people.transfers.nav', can: 'people.transfers' } },
        { path: '/app/my-hours', component: page, meta: { navKey: 'volunteering.nav.myHours', needsPerson: true } },
      ],
    });
    const wrapper = mount(SideNav, { global: { plugins: [pinia, i18n, ElementPlus, router], stubs: { OrgNavigator: true } } });
    await flushPromises();
    expect(recordedCall(fetch).url).toBe('/api/v1/organizations/7');
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

  it('treats a permission the answer does not name as not allowed', async () => {
    expect(await labels({})).toEqual(['工作台']);
  });
});
