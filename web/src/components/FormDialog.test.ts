import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref, type Component } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { ApiError } from '@/api/request';
import { i18n, setLocale } from '@/locales';
import { useForm } from '@/composables/useForm';
import FormDialog from './FormDialog.vue';
import type { FormField } from './formFields';

interface Model {
  name: string;
  kind: string;
  note: string;
}

const FIELDS: FormField<Model, { more: boolean }>[] = [
  { key: 'name', kind: 'text', label: 'people.fields.name', required: true, check: { message: 'session.login.loginRequired' } },
  { key: 'kind', kind: 'select', label: 'people.fields.kind', options: [{ value: 'member', label: 'people.kinds.member' }] },
  { key: 'note', kind: 'textarea', label: 'people.transfers.note', visible: (_, c) => c.more },
];

/** A screen with one form dialog; `send` is what the server answers. */
function mountDialog(send: (m: Model) => Promise<unknown>, context = { more: false }, fields = FIELDS) {
  const saved = vi.fn();
  const open = ref(true);
  const Screen = defineComponent({
    setup() {
      const form = useForm({ initial: () => ({ name: '', kind: 'member', note: '' }), send });
      return () =>
        // A generic component: its props are checked where screens use it, not here.
        h(FormDialog as Component, {
          modelValue: open.value,
          'onUpdate:modelValue': (v: boolean) => (open.value = v),
          form,
          fields,
          context,
          title: 'T',
          testid: 'the-form',
          fieldTestidPrefix: 'f-',
          onSaved: saved,
        });
    },
  });
  const wrapper = mount(Screen, { attachTo: document.body, global: { plugins: [i18n, ElementPlus] } });
  const dialog = () => document.body.querySelector('[data-testid="the-form"]') as HTMLElement;
  const type = async (testid: string, value: string) => {
    const input = dialog().querySelector(`[data-testid="${testid}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await flushPromises();
  };
  const errorOf = (testid: string) =>
    dialog().querySelector(`[data-testid="${testid}"]`)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim();
  const submit = () => (dialog().querySelector('[data-testid="the-form-submit"]') as HTMLButtonElement).click();
  return { wrapper, open, saved, dialog, type, errorOf, submit };
}

describe('FormDialog', () => {
  beforeEach(() => setLocale('zh-CN'));
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('puts the server’s field errors beside their fields and the rest on the failure line', async () => {
    const send = vi.fn(() =>
      Promise.reject(
        new ApiError({
          status: 422,
          title: '数据有误',
          errors: [
            { field: 'name', message: '姓名不能为空' },
            { field: 'note', message: '说明太长' }, // not on screen: the note field is hidden
          ],
        }),
      ),
    );
    const { dialog, errorOf, submit, saved, open, type } = mountDialog(send);
    await flushPromises();
    await type('f-name', '王新');
    submit();
    await flushPromises();
    await vi.waitFor(() => expect(errorOf('f-name')).toBe('姓名不能为空'));
    expect(errorOf('f-kind')).toBeUndefined();
    expect(dialog().querySelector('[data-testid="form-error"]')?.textContent).toContain('请按提示修改标出的字段 说明太长');
    expect(saved).not.toHaveBeenCalled();
    expect(open.value).toBe(true);
  });

  it('shows the saving state on its button, then emits the answer and closes', async () => {
    let answer!: (v: unknown) => void;
    const send = vi.fn((m: Model) => new Promise((resolve) => (answer = () => resolve({ id: 3, ...m }))));
    const { type, submit, dialog, saved, open } = mountDialog(send);
    await flushPromises();
    await type('f-name', '王新');
    submit();
    await flushPromises();
    const button = dialog().querySelector('[data-testid="the-form-submit"]') as HTMLButtonElement;
    expect(button.classList.contains('is-loading')).toBe(true);
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ name: '王新', kind: 'member' }));
    answer(undefined);
    await flushPromises();
    expect(saved).toHaveBeenCalledWith({ id: 3, name: '王新', kind: 'member', note: '' });
    expect(open.value).toBe(false);
  });

  it('opens again with a fresh model and no old messages', async () => {
    const send = vi.fn(() => Promise.reject(new ApiError({ status: 409, title: 'Conflict', detail: '已存在' })));
    const { type, submit, dialog, open } = mountDialog(send);
    await flushPromises();
    await type('f-name', '王新');
    submit();
    await flushPromises();
    expect(dialog().querySelector('[data-testid="form-error"]')?.textContent).toContain('已存在');
    open.value = false;
    await flushPromises();
    open.value = true;
    await flushPromises();
    expect((dialog().querySelector('[data-testid="f-name"]') as HTMLInputElement).value).toBe('');
    expect(dialog().querySelector('[data-testid="form-error"]')).toBeNull();
  });

  it('sends nothing while a checked field is empty, and says so beside it', async () => {
    // async-validator reports each failed rule on the console in development builds.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const send = vi.fn(() => Promise.resolve({}));
    const { submit, errorOf } = mountDialog(send);
    await flushPromises();
    submit();
    await vi.waitFor(() => expect(errorOf('f-name')).toBe('请输入登录名或手机号'));
    expect(send).not.toHaveBeenCalled();
  });

  it('leaves a required field without a check to the server', async () => {
    const send = vi.fn(() => Promise.resolve({}));
    const { submit, dialog } = mountDialog(send, { more: false }, [
      { key: 'name', kind: 'text', label: 'people.fields.name', required: true },
    ]);
    await flushPromises();
    expect(dialog().querySelector('.el-form-item.is-required')).not.toBeNull();
    submit();
    await flushPromises();
    expect(send).toHaveBeenCalled();
  });

  it('draws only the fields its context shows', async () => {
    const { dialog } = mountDialog(() => Promise.resolve({}), { more: true });
    await flushPromises();
    expect(dialog().querySelector('[data-testid="f-note"]')).not.toBeNull();
    document.body.innerHTML = '';
    const hidden = mountDialog(() => Promise.resolve({}), { more: false });
    await flushPromises();
    expect(hidden.dialog().querySelector('[data-testid="f-note"]')).toBeNull();
  });
});
