import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, problemResponse, recordedCall, sessionInfo, stubFetch } from '@/testing/http';
import LoginForm from './LoginForm.vue';

describe('LoginForm', () => {
  let pinia: Pinia;

  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    window.localStorage.clear();
    document.body.innerHTML = '';
  });

  function mountForm() {
    return mount(LoginForm, {
      global: { plugins: [pinia, i18n, ElementPlus] },
      attachTo: document.body,
    });
  }

  async function fillAndSubmit(wrapper: ReturnType<typeof mountForm>, login: string, password: string) {
    await wrapper.get('input[data-testid="login-name"]').setValue(login);
    await wrapper.get('input[data-testid="login-password"]').setValue(password);
    await wrapper.get('form').trigger('submit');
  }

  it('shows the field error the server sent under its field', async () => {
    const fetch = stubFetch(
      problemResponse(422, {
        title: '输入有误',
        errors: [{ field: 'login', message: '没有这个登录名或手机号' }],
      }),
    );
    const wrapper = mountForm();
    await fillAndSubmit(wrapper, '  nobody ', 'secret');
    await vi.waitFor(() => {
      expect(wrapper.find('.el-form-item__error').exists()).toBe(true);
    });
    const loginItem = wrapper.findAll('.el-form-item')[0];
    expect(loginItem.get('.el-form-item__error').text()).toBe('没有这个登录名或手机号');
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('请按提示修改标出的字段');
    expect(recordedCall(fetch).body).toEqual({ login: 'nobody', password: 'secret' });
    expect(wrapper.emitted('success')).toBeUndefined();
  });

  it('shows the server message for wrong credentials', async () => {
    stubFetch(problemResponse(401, { title: '请先登录', detail: '登录名或密码错误' }));
    const wrapper = mountForm();
    await fillAndSubmit(wrapper, 'region-admin', 'wrong');
    await vi.waitFor(() => {
      expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true);
    });
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('登录名或密码错误');
  });

  it('shows the throttling message with the Retry-After seconds', async () => {
    setLocale('en');
    stubFetch(problemResponse(429, { title: 'Too many requests' }, { 'Retry-After': '37' }));
    const wrapper = mountForm();
    await fillAndSubmit(wrapper, 'region-admin', 'wrong');
    await vi.waitFor(() => {
      expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true);
    });
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain(
      'Too many login attempts. Try again in 37 seconds.',
    );
  });

  it('does not call the server when a field is empty', async () => {
    // async-validator reports each failed rule on the console in development builds.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetch = stubFetch();
    const wrapper = mountForm();
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => {
      expect(wrapper.findAll('.el-form-item__error')).toHaveLength(2);
    });
    expect(wrapper.text()).toContain('请输入登录名或手机号');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('logs in and reports success', async () => {
    stubFetch(jsonResponse(200, sessionInfo()));
    const wrapper = mountForm();
    await fillAndSubmit(wrapper, 'region-admin', 'tianshan-demo');
    await vi.waitFor(() => {
      expect(wrapper.emitted('success')).toHaveLength(1);
    });
    await flushPromises();
    expect(useSessionStore().isAuthenticated).toBe(true);
    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(false);
  });
});
