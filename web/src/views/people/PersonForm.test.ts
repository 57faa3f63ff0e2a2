import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { problemResponse, recordedCall, stubFetch } from '@/testing/http';
import PersonForm from './PersonForm.vue';

describe('PersonForm', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    useSessionStore().csrfToken = 'tok';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the server field errors on their fields', async () => {
    const fetch = stubFetch(
      problemResponse(422, {
        title: '数据有误',
        errors: [
          { field: 'identity_number', message: '身份证号码校验位不正确' },
          { field: 'membership.member_since', message: '入团日期不能早于出生日期' },
        ],
      }),
    );
    const wrapper = mount(PersonForm, {
      props: { modelValue: true, organizationId: 31 },
      attachTo: document.body,
      global: { plugins: [pinia, i18n, ElementPlus] },
    });
    await flushPromises();
    const dialog = document.body.querySelector('[data-testid="person-form"]') as HTMLElement;
    const set = async (testid: string, value: string) => {
      const input = dialog.querySelector(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await flushPromises();
    };
    await set('person-field-name', '王新');
    await set('person-field-identity_number', '650102200102030011');
    await set('person-field-birth_date', '2001-02-03');
    await set('person-field-member_since', '1999-01-01');
    (dialog.querySelector('[data-testid="person-form-submit"]') as HTMLButtonElement).click();
    await flushPromises();

    const body = recordedCall(fetch).body as Record<string, unknown>;
    expect(body.membership).toEqual({ organization_id: 31, member_since: '1999-01-01' });
    // Each message sits in the form item of its field.
    const errorOf = (testid: string) =>
      dialog.querySelector(`[data-testid="${testid}"]`)?.closest('.el-form-item')?.querySelector('.el-form-item__error')
        ?.textContent?.trim();
    await vi.waitFor(() => {
      expect(errorOf('person-field-identity_number')).toBe('身份证号码校验位不正确');
      expect(errorOf('person-field-member_since')).toBe('入团日期不能早于出生日期');
    });
    expect(errorOf('person-field-name')).toBeUndefined();
    expect(dialog.textContent).toContain('请按提示修改标出的字段');
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  it('fills in the birth date and gender from a complete identity number', async () => {
    mount(PersonForm, {
      props: { modelValue: true, organizationId: 31 },
      attachTo: document.body,
      global: { plugins: [pinia, i18n, ElementPlus] },
    });
    await flushPromises();
    const dialog = document.body.querySelector('[data-testid="person-form"]') as HTMLElement;
    const input = (testid: string) =>
      dialog.querySelector(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`) as HTMLInputElement;
    input('person-field-identity_number').value = '650203200402290133';
    input('person-field-identity_number').dispatchEvent(new Event('input'));
    await flushPromises();
    expect(input('person-field-birth_date').value).toBe('2004-02-29');
    const checked = dialog.querySelector('[data-testid="person-field-gender"] .is-checked, .el-radio.is-checked');
    expect(checked?.textContent).toContain('男');
  });
});
