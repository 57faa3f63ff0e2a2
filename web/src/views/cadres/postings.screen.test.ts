// The committee's postings screen against canned answers: the cancel button appears exactly
// where a posting's `can.cancel` says so, needs a reason, sends it, shows the server's field
// error beside the field, and reloads the list after a cancellation.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { jsonResponse, problemResponse } from '@/testing/http';
import type { Posting } from '@/api/cadres';
import { postingFixture } from '@/testing/cadres';
import Postings from './postings.vue';

vi.mock('echarts/core', () => ({
  init: vi.fn(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })),
  use: vi.fn(),
}));

const A = '/api/v1';
const posting = (id: number, cancel: boolean, over: Partial<Posting> = {}): Posting =>
  postingFixture({ id, starts_on: '2026-12-01', ends_on: '2027-03-31', days: 121, can: { log: false, report: false, confirm: false, cancel }, ...over });
const figures = { cadres: 2, at_quota: 1, contacts: 150, fields_covered: 9, activity_due: 0, talk_due: 3, help_open: 1, help_overdue: 0, postings: 2, posted: 1, posting_days: 121, unreported: 0, served_units: 0, service_minutes: 0 };
const dashboard = {
  organization_id: 22,
  name: '天山街道团工委',
  period: { as_of: '2026-11-30', quarter_start: '2026-10-01', year_start: '2026-01-01' },
  targets: { contact_target: 100, posting_months: 4 },
  figures: { ...figures, by_field: {} },
  children: [],
};
const settings = {
  organization_id: 22,
  own: { contact_target: null, posting_months: null },
  effective: { contact_target: 100, posting_months: 4, contact_target_from: null, posting_months_from: null },
  defaults: { contact_target: 100, posting_months: 4 },
  can: { update: true },
};

type Route = (init: RequestInit) => Response;
/** A fetch stub answering by "METHOD path" (query ignored); an unknown call fails the test. */
function routeFetch(routes: Record<string, Route | Response>): Mock {
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    const r = routes[key];
    if (!r) throw new Error(`unexpected ${key}`);
    return typeof r === 'function' ? r(init) : r.clone();
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
const calls = (fn: Mock, key: string) =>
  fn.mock.calls.filter(([url, init]) => `${(init as RequestInit)?.method ?? 'GET'} ${String(url).split('?')[0]}` === key);

async function mountScreen() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/organizations/:id/cadres/postings', component: Postings }] });
  await router.push('/organizations/22/cadres/postings');
  const wrapper = mount(Postings, { global: { plugins: [createPinia(), i18n, ElementPlus, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
const dialog = () => document.body.querySelector('[data-testid="posting-cancel-dialog"]') as HTMLElement;
async function typeReason(value: string) {
  const input = dialog().querySelector('[data-testid="posting-cancel-reason"]') as HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
const errorOfReason = () =>
  dialog().querySelector('[data-testid="posting-cancel-reason"]')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim();
async function submit() {
  (dialog().querySelector('[data-testid="posting-cancel-dialog-submit"]') as HTMLElement).click();
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await flushPromises();
}

describe('postings: cancel', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setLocale('zh-CN');
    // A desk: the list is a table.
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() })));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  function routes(list: () => Posting[], cancel: Route) {
    return routeFetch({
      [`GET ${A}/organizations/22/cadres/dashboard`]: jsonResponse(200, dashboard),
      [`GET ${A}/organizations/22/cadres/settings`]: jsonResponse(200, settings),
      [`GET ${A}/organizations/22`]: jsonResponse(200, { id: 22, name: '天山街道团工委', can: { 'cadres.plan_postings': true } }),
      [`GET ${A}/organizations/22/cadres/postings`]: () => jsonResponse(200, { items: list(), next_cursor: null }),
      [`POST ${A}/cadres/postings/11/cancel`]: cancel,
    });
  }

  it('shows the button exactly on the postings whose can.cancel is true', async () => {
    routes(() => [posting(11, true), posting(12, false, { host_name: '佳福小区团支部' })], () => jsonResponse(200, {}));
    const wrapper = await mountScreen();
    const rows = wrapper.findAll('.el-table__row');
    expect(rows).toHaveLength(2);
    expect(rows[0].find('[data-testid="posting-cancel"]').exists()).toBe(true);
    expect(rows[1].find('[data-testid="posting-cancel"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('needs a reason, sends it, and reloads the list with the posting cancelled', async () => {
    let cancelled = false;
    const fetch = routes(
      () => [cancelled ? posting(11, false, { status: 'cancelled', cancel_reason: '人员调整', cancelled_at: 1 }) : posting(11, true)],
      () => {
        cancelled = true;
        return jsonResponse(200, posting(11, false, { status: 'cancelled', cancel_reason: '人员调整', cancelled_at: 1 }));
      },
    );
    const wrapper = await mountScreen();
    await wrapper.get('[data-testid="posting-cancel"]').trigger('click');
    await flushPromises();
    expect(dialog().textContent).toContain('取消到风云社区团支部的下沉');
    await submit();
    expect(calls(fetch, `POST ${A}/cadres/postings/11/cancel`)).toHaveLength(0);
    await vi.waitFor(() => expect(errorOfReason()).toBe('请写明取消原因'));
    await typeReason('  人员调整 ');
    await submit();
    const sent = calls(fetch, `POST ${A}/cadres/postings/11/cancel`);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String((sent[0][1] as RequestInit).body))).toEqual({ reason: '人员调整' });
    expect(calls(fetch, `GET ${A}/organizations/22/cadres/postings`).length).toBeGreaterThanOrEqual(2);
    expect(wrapper.find('[data-testid="posting-cancel"]').exists()).toBe(false);
    expect(wrapper.get('.el-table__row').text()).toContain('已取消');
    wrapper.unmount();
  });

  it("shows the server's refusal beside the reason and keeps the dialog open", async () => {
    routes(
      () => [posting(11, true)],
      () => problemResponse(422, { title: '无法处理', errors: [{ field: 'reason', message: '原因不能超过 200 字' }] }),
    );
    const wrapper = await mountScreen();
    await wrapper.get('[data-testid="posting-cancel"]').trigger('click');
    await flushPromises();
    await typeReason('人员调整');
    await submit();
    await vi.waitFor(() => expect(errorOfReason()).toBe('原因不能超过 200 字'));
    expect(wrapper.find('[data-testid="posting-cancel"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
