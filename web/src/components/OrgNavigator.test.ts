import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';
import OrgNavigator from './OrgNavigator.vue';

const org = (id: number, name: string) => ({ id, name, kind: 'committee', status: 'active', path: `/1/${id}/` });

describe('OrgNavigator', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    useSessionStore().grants = [{ organization_id: 1, organization_name: '新疆维吾尔自治区团委', organization_path: '/1/', role: 'committee_admin' }];
  });
  afterEach(() => vi.unstubAllGlobals());

  function mountNavigator() {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }],
    });
    const wrapper = mount(OrgNavigator, { global: { plugins: [pinia, i18n, ElementPlus, router] } });
    return { wrapper, router };
  }

  it('shows the grant roots and loads one page of children only on expand', async () => {
    const fetch = stubFetch(
      jsonResponse(200, { items: [org(2, '克拉玛依市团委'), org(3, '伊犁州团委')], next_cursor: 'n1' }),
      jsonResponse(200, { items: [org(4, '哈密市团委')], next_cursor: null }),
    );
    const { wrapper, router } = mountNavigator();
    await flushPromises();
    expect(wrapper.text()).toContain('新疆维吾尔自治区团委');
    expect(fetch).not.toHaveBeenCalled();

    await wrapper.get('.el-tree-node__expand-icon').trigger('click');
    await flushPromises();
    expect(recordedCall(fetch).url).toBe('/api/v1/organizations/1/children?limit=100&status=active');
    expect(wrapper.text()).toContain('克拉玛依市团委');

    await wrapper.get('[data-testid="org-node-more"]').trigger('click');
    await flushPromises();
    expect(recordedCall(fetch, 1).url).toContain('cursor=n1');
    expect(wrapper.text()).toContain('哈密市团委');
    expect(wrapper.find('[data-testid="org-node-more"]').exists()).toBe(false);

    await wrapper.get('[data-testid="org-node-2"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/app/organizations/2');
  });

  it('searches through the server', async () => {
    vi.useFakeTimers();
    const fetch = stubFetch(jsonResponse(200, { items: [org(31, '天山街道团工委')], next_cursor: null }));
    const { wrapper } = mountNavigator();
    await wrapper.get('input[data-testid="org-search"]').setValue('天山');
    await vi.advanceTimersByTimeAsync(300);
    vi.useRealTimers();
    await flushPromises();
    expect(decodeURIComponent(recordedCall(fetch).url)).toBe('/api/v1/organizations/search?limit=20&q=天山');
    expect(wrapper.get('[data-testid="org-search-results"]').text()).toContain('天山街道团工委');
  });
});
