import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/request';
import { setLocale } from '@/locales';
import { withSetup } from '@/testing/setup';
import { placeErrors, useForm } from './useForm';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const invalid = (errors: { field: string; message: string }[]) =>
  new ApiError({ status: 422, title: '数据有误', detail: '请检查', errors });

describe('placeErrors', () => {
  it('puts each message on the field it names, through the alias or the last part of a dotted name', () => {
    const placed = placeErrors(
      [
        { field: 'membership.member_since', message: 'a' },
        { field: 'guardian_consent.relation', message: 'b' },
        { field: 'to_organization_id', message: 'c' },
        { field: 'name', message: 'd' },
        { field: 'name', message: 'e' },
      ],
      ['member_since', 'relation', 'to', 'name'],
      { to_organization_id: 'to' },
    );
    expect(placed.byField).toEqual({ member_since: 'a', relation: 'b', to: 'c', name: 'd; e' });
    expect(placed.rest).toEqual([]);
  });

  it('keeps the messages of fields the form does not show', () => {
    const placed = placeErrors([{ field: 'shift', message: '年龄不符' }, { field: 'reason', message: '必填' }], ['reason']);
    expect(placed).toEqual({ byField: { reason: '必填' }, rest: ['年龄不符'] });
  });
});

describe('useForm', () => {
  beforeEach(() => setLocale('zh-CN'));
  afterEach(() => setLocale('zh-CN'));

  it('is saving while the request runs, once at a time, and answers the server’s value', async () => {
    const answer = deferred<{ id: number }>();
    let calls = 0;
    const { result: form } = withSetup(() =>
      useForm({
        initial: () => ({ name: '' }),
        send: () => {
          calls++;
          return answer.promise;
        },
      }),
    );
    form.model.name = '王新';
    const first = form.submit();
    expect(form.saving).toBe(true);
    expect(await form.submit()).toEqual({ ok: false }); // a second click while saving sends nothing
    answer.resolve({ id: 9 });
    expect(await first).toEqual({ ok: true, value: { id: 9 } });
    expect(form.saving).toBe(false);
    expect(calls).toBe(1);
  });

  it('puts field errors on the shown fields and says so on the failure line, with what no field shows', async () => {
    const { result: form } = withSetup(() =>
      useForm({
        initial: () => ({ name: '', phone: '' }),
        send: () => Promise.reject(invalid([{ field: 'phone', message: '手机号无效' }, { field: 'organization', message: '组织已撤销' }])),
      }),
    );
    form.shown = ['name', 'phone'];
    expect(await form.submit()).toEqual({ ok: false });
    expect(form.errors).toEqual({ phone: '手机号无效' });
    expect(form.failure).toBe('请按提示修改标出的字段 组织已撤销');
    expect(form.saving).toBe(false);
  });

  it('shows a failure without field errors on the failure line', async () => {
    const { result: form } = withSetup(() =>
      useForm({
        initial: () => ({ reason: '' }),
        send: () => Promise.reject(new ApiError({ status: 409, title: 'Conflict', detail: '已处理过' })),
      }),
    );
    await form.submit();
    expect(form.errors).toEqual({});
    expect(form.failure).toBe('已处理过');
  });

  it('lets the screen see a failure first, and reset brings back the initial model without messages', async () => {
    const seen: unknown[] = [];
    const { result: form } = withSetup(() =>
      useForm({
        initial: () => ({ name: 'a' }),
        send: () => Promise.reject(invalid([{ field: 'name', message: 'x' }])),
        onError: (e) => seen.push(e),
      }),
    );
    form.model.name = 'b';
    await form.submit();
    expect(seen).toHaveLength(1);
    expect(form.errors.name).toBe('x');
    form.reset();
    expect(form.model.name).toBe('a');
    expect(form.errors).toEqual({});
    expect(form.failure).toBe('');
  });
});
