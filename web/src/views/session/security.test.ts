import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus, { ElMessageBox } from 'element-plus';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, stubFetch } from '@/testing/http';
import { browserOf, passwordInput } from './data';
import Security from './security.vue';

const sessions = {
  items: [
    { id: 'aaaaaaaaaaaaaaaa', created_at: '2026-05-28T01:00:00.000Z', last_seen_at: '2026-05-28T02:00:00.000Z', expires_at: '2026-06-04T01:00:00.000Z', user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36', current: true },
    { id: 'bbbbbbbbbbbbbbbb', created_at: '2026-05-27T01:00:00.000Z', last_seen_at: '2026-05-27T02:00:00.000Z', expires_at: '2026-06-03T01:00:00.000Z', user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1', current: false },
  ],
};

describe('account security', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setLocale('zh-CN');
    useSessionStore().csrfToken = 'tok';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('names browsers briefly and sends no confirmation to the server', () => {
    expect(browserOf(sessions.items[0].user_agent)).toBe('Chrome · Linux');
    expect(browserOf(sessions.items[1].user_agent)).toBe('Safari · iOS');
    expect(browserOf('')).toBe('');
    expect(passwordInput({ current_password: 'a', new_password: 'b', confirm: 'b' })).toEqual({ current_password: 'a', new_password: 'b' });
  });

  async function mountPage(...answers: Response[]) {
    const fetch = stubFetch(jsonResponse(200, sessions), ...answers);
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/login', name: 'login', component: { template: '<div />' } },
        { path: '/:p(.*)*', component: { template: '<div />' } },
      ],
    });
    const wrapper = mount(Security, { global: { plugins: [i18n, ElementPlus, router] }, attachTo: document.body });
    await flushPromises();
    return { fetch, wrapper, router };
  }

  it('logs out everywhere once the password is entered again, then shows the login page', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: 'my-password-1', action: 'confirm' } as never);
    const { fetch, wrapper, router } = await mountPage(new Response(null, { status: 204 }));
    await wrapper.get('[data-testid="sessions-end-all"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/session/list');
    expect(init.method).toBe('DELETE');
    expect(JSON.parse(init.body as string)).toEqual({ current_password: 'my-password-1' });
    expect(useSessionStore().csrfToken).toBeNull();
    expect(router.currentRoute.value.name).toBe('login');
    wrapper.unmount();
    confirm.mockRestore();
  });

  it('sends nothing when logging out everywhere is cancelled', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'prompt').mockRejectedValue('cancel');
    const { fetch, wrapper } = await mountPage();
    await wrapper.get('[data-testid="sessions-end-all"]').trigger('click');
    await flushPromises();
    expect(fetch.mock.calls).toHaveLength(1);
    wrapper.unmount();
    confirm.mockRestore();
  });

  it('lists my sessions and offers to end every one but this', async () => {
    const { fetch, wrapper } = await mountPage(new Response(null, { status: 204 }), jsonResponse(200, { items: [sessions.items[0]] }));
    expect(wrapper.findAll('[data-testid="session-end"]')).toHaveLength(1);
    expect(wrapper.text()).toContain('当前设备');
    await wrapper.get('[data-testid="session-end"]').trigger('click');
    await flushPromises();
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/session/list/bbbbbbbbbbbbbbbb');
    expect(init.method).toBe('DELETE');
    expect(wrapper.findAll('[data-testid="session-end"]')).toHaveLength(0);
    wrapper.unmount();
  });

  it('shows the server’s error beside the current password and sends nothing when the two new ones differ', async () => {
    const problem = { type: 'about:blank', title: 'x', status: 422, detail: 'x', errors: [{ field: 'current_password', message: '当前密码不正确' }] };
    const { fetch, wrapper } = await mountPage(jsonResponse(422, problem));
    await wrapper.get('input[data-testid="password-current"]').setValue('wrong-one-1');
    await wrapper.get('input[data-testid="password-new"]').setValue('new-secret-42');
    await wrapper.get('input[data-testid="password-confirm"]').setValue('new-secret-43');
    await wrapper.get('[data-testid="password-submit"]').trigger('click');
    await flushPromises();
    expect(fetch.mock.calls).toHaveLength(1);
    await vi.waitFor(() => expect(wrapper.text()).toContain('两次输入的新密码不一致'));

    await wrapper.get('input[data-testid="password-confirm"]').setValue('new-secret-42');
    await wrapper.get('[data-testid="password-submit"]').trigger('click');
    await flushPromises();
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/session/password');
    expect(JSON.parse(init.body as string)).toEqual({ current_password: 'wrong-one-1', new_password: 'new-secret-42' });
    await vi.waitFor(() => expect(wrapper.text()).toContain('当前密码不正确'));
    wrapper.unmount();
  });
});
