// The leaders' screens against canned answers: buttons from `can`, batch decisions with
// each failing report named, membership rejection needing a reason, the self-report form.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, problemResponse, sessionInfo } from '@/testing/http';
import type { ShiftView, TeamView } from '@/api/volunteering';
import { shiftFixture, teamCan } from '@/testing/volunteering';
import ApprovalsList from './approvals/list.vue';
import ReportForm from './hours/ReportForm.vue';
import ManageList from './manage/list.vue';
import RankingsList from './rankings/list.vue';
import MembersDialog from './teams/MembersDialog.vue';

vi.mock('echarts/core', () => ({
  init: vi.fn(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })),
  use: vi.fn(),
}));

type Route = (init: RequestInit, url: string) => Response;

/** A fetch stub answering by "METHOD path" (query ignored); an unknown call fails the test. */
function routeFetch(routes: Record<string, Route | Response>): Mock {
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    const r = routes[key];
    if (!r) throw new Error(`unexpected ${key}`);
    return typeof r === 'function' ? r(init, url) : r.clone();
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
const bodyOf = (fn: Mock, key: string) => {
  const call = fn.mock.calls.find(([url, init]) => `${(init as RequestInit)?.method ?? 'GET'} ${String(url).split('?')[0]}` === key);
  return call ? JSON.parse(String((call[1] as RequestInit).body)) : undefined;
};

const V = '/api/v1/volunteering';
const noCan = { sign_up: false, cancel_sign_up: false, manage_roster: true, cancel: false, edit: false };
function shiftView(id: number, over: Partial<ShiftView> = {}): ShiftView {
  const s = shiftFixture({ id, project_id: 2, starts_at: '2030-07-02T01:00:00Z', ends_at: '2030-07-02T04:00:00Z', capacity: 5, confirmed: 1, seats_left: 4 });
  return { ...s, my_sign_up: null, can: noCan, ...over };
}
function teamView(id: number, name: string, over: Partial<TeamView['can']> = {}): TeamView {
  return {
    id,
    organization_id: 1,
    name,
    description: null,
    partner_name: null,
    status: 'active',
    created_at: '2026-01-01T00:00:00Z',
    my_membership: { id: 1, role: 'leader', status: 'active' },
    can: teamCan(over),
  };
}
const report = (id: number, name: string) => ({
  id,
  name,
  person_id: id,
  team_id: 7,
  project_id: null,
  minutes: 120,
  hours: 2,
  worked_on: '2026-06-30',
  description: '社区清扫',
  status: 'pending',
  decision_reason: null,
  ledger_entry_id: null,
  created_at: '2026-06-30T08:00:00Z',
});

/** Signs in the demo's region admin (organization 1), with a person record or without. */
function signIn(person: { id: number; name: string } | null = null): void {
  const info = sessionInfo();
  const session = useSessionStore();
  session.account = info.account;
  session.grants = info.grants;
  session.person = person as never;
  session.csrfToken = 'c';
}

function router() {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
}

describe('volunteering leaders', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    // A desk: tables, not cards (the screens that force cards do so themselves).
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() })));
    signIn();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });
  const plugins = () => [pinia, i18n, ElementPlus, router()];

  it('approvals: a batch approves the picked reports in one call', async () => {
    const fetch = routeFetch({
      [`GET ${V}/shifts/awaiting-confirmation`]: jsonResponse(200, { items: [], next_cursor: null }),
      [`GET ${V}/projects`]: jsonResponse(200, { items: [{ id: 2, team_id: 7, team_name: '风云志愿队' }], next_cursor: null }),
      [`GET ${V}/teams/7/hour-reports`]: jsonResponse(200, { items: [report(11, '王一'), report(12, '李二'), report(13, '张三')] }),
      [`POST ${V}/hours/reports/decisions`]: jsonResponse(200, { items: [report(11, '王一'), report(13, '张三')] }),
    });
    const wrapper = mount(ApprovalsList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="pending-report"]')).toHaveLength(3);
    expect(wrapper.get('[data-testid="batch-approve"]').attributes()).toHaveProperty('disabled');
    const picks = wrapper.findAll('[data-testid="report-pick"] input');
    await picks[0].setValue(true);
    await picks[2].setValue(true);
    expect(wrapper.get('[data-testid="batch-approve"]').text()).toContain('2');
    await wrapper.get('[data-testid="batch-approve"]').trigger('click');
    await flushPromises();
    expect(bodyOf(fetch, `POST ${V}/hours/reports/decisions`)).toEqual({ report_ids: [11, 13], decision: 'approve' });
    wrapper.unmount();
  });

  it('approvals: a failed batch names each failing report beside it', async () => {
    routeFetch({
      [`GET ${V}/shifts/awaiting-confirmation`]: jsonResponse(200, { items: [], next_cursor: null }),
      [`GET ${V}/projects`]: jsonResponse(200, { items: [{ id: 2, team_id: 7, team_name: '风云志愿队' }], next_cursor: null }),
      [`GET ${V}/teams/7/hour-reports`]: jsonResponse(200, { items: [report(11, '王一'), report(12, '李二')] }),
      [`POST ${V}/hours/reports/decisions`]: problemResponse(422, {
        title: '无法处理',
        errors: [{ field: 'report_ids[1]', message: '该自报已处理' }],
      }),
    });
    const wrapper = mount(ApprovalsList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="report-pick-all"] input').setValue(true);
    await wrapper.get('[data-testid="batch-approve"]').trigger('click');
    await flushPromises();
    const failed = wrapper.findAll('[data-testid="pending-report"][data-failed="true"]');
    expect(failed.map((r) => r.attributes('data-report-id'))).toEqual(['12']);
    expect(wrapper.get('[data-testid="report-failure"]').text()).toBe('该自报已处理');
    // Nothing changed: both reports are still listed.
    expect(wrapper.findAll('[data-testid="pending-report"]')).toHaveLength(2);
    wrapper.unmount();
  });

  it('approvals: a batch is rejected with one reason', async () => {
    const fetch = routeFetch({
      [`GET ${V}/shifts/awaiting-confirmation`]: jsonResponse(200, { items: [], next_cursor: null }),
      [`GET ${V}/projects`]: jsonResponse(200, { items: [{ id: 2, team_id: 7, team_name: '风云志愿队' }], next_cursor: null }),
      [`GET ${V}/teams/7/hour-reports`]: jsonResponse(200, { items: [report(11, '王一'), report(12, '李二')] }),
      [`POST ${V}/hours/reports/decisions`]: jsonResponse(200, { items: [] }),
    });
    const wrapper = mount(ApprovalsList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="report-pick-all"] input').setValue(true);
    await wrapper.get('[data-testid="batch-reject"]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-testid="reject-dialog"]')?.textContent).toContain('驳回 2 条自报时长');
    const input = document.querySelector('input[data-testid="reject-reason"]') as HTMLInputElement;
    input.value = '无法核实';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    (document.querySelector('[data-testid="reject-save"]') as HTMLElement).click();
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await flushPromises();
    expect(bodyOf(fetch, `POST ${V}/hours/reports/decisions`)).toEqual({ report_ids: [11, 12], decision: 'reject', reason: '无法核实' });
    wrapper.unmount();
  });

  it("approvals: shifts awaiting confirmation come from the server's list and confirm in one call", async () => {
    const fetch = routeFetch({
      [`GET ${V}/shifts/awaiting-confirmation`]: jsonResponse(200, {
        items: [
          {
            shift: shiftView(8, { state: 'ended', ended: true }),
            project: { id: 2, title: '便民服务日', organization_id: 1, team_id: 7, team_name: '风云志愿队' },
            awaiting: 3,
            checked_in: 1,
          },
        ],
        next_cursor: null,
      }),
      [`GET ${V}/projects`]: jsonResponse(200, { items: [], next_cursor: null }),
      [`POST ${V}/shifts/8/confirm-hours`]: jsonResponse(200, { items: [{}, {}, {}] }),
    });
    const wrapper = mount(ApprovalsList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    const row = wrapper.get('[data-testid="awaiting-shift"]');
    expect(row.text()).toContain('便民服务日');
    expect(row.text()).toContain('3 人待确认');
    expect(row.text()).toContain('1 人仍在岗');
    await wrapper.get('[data-testid="awaiting-confirm"]').trigger('click');
    await flushPromises();
    expect(bodyOf(fetch, `POST ${V}/shifts/8/confirm-hours`)).toEqual({});
    // No roster is fetched to find them.
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/roster'))).toBe(false);
    wrapper.unmount();
  });

  it("带队管理 shows exactly the project's and shifts' can, and past shifts read 已结束", async () => {
    routeFetch({
      [`GET ${V}/projects`]: jsonResponse(200, { items: [{ id: 2, status: 'draft' }], next_cursor: null }),
      [`GET ${V}/projects/2`]: jsonResponse(200, {
        project: {
          id: 2,
          title: '便民服务日',
          status: 'draft',
          team_id: 7,
          team_name: '风云志愿队',
          can: { edit: true, publish: true, change_status: true, add_shift: true },
        },
        can_manage: true,
        shifts: [
          shiftView(8, { can: { ...noCan, edit: true, cancel: true } }),
          shiftView(9, { starts_at: '2020-07-02T01:00:00Z', ends_at: '2020-07-02T04:00:00Z', state: 'ended', ended: true }),
        ],
      }),
      'GET /api/v1/organizations/1': jsonResponse(200, { id: 1, can: { 'volunteering.manage_projects': true } }),
    });
    const wrapper = mount(ManageList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-testid="project-new"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="project-publish"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="project-edit"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="shift-new"]').exists()).toBe(true);
    const rows = wrapper.findAll('[data-testid="managed-shift-row"]');
    expect(rows.map((r) => r.attributes('data-state'))).toEqual(['open', 'ended']);
    expect(rows[1].text()).toContain('已结束');
    expect(rows[0].find('[data-testid="shift-edit"]').exists()).toBe(true);
    expect(rows[1].find('[data-testid="shift-edit"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('带队管理 with no project offers a new one when a team allows it', async () => {
    routeFetch({
      [`GET ${V}/projects`]: jsonResponse(200, { items: [], next_cursor: null }),
      [`GET ${V}/my/teams`]: jsonResponse(200, { items: [teamView(7, '风云志愿队', { add_project: true })], next_cursor: null }),
      'GET /api/v1/organizations/1': jsonResponse(200, { id: 1, can: {} }),
    });
    signIn({ id: 5, name: '王一' });
    const wrapper = mount(ManageList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid="managed-empty"]').text()).toContain('新建项目');
    await wrapper.get('[data-testid="project-new"]').trigger('click');
    await flushPromises();
    // The team is chosen (no organization project allowed), shown by name.
    expect(document.querySelector('[data-testid="project-dialog"]')?.textContent).toContain('风云志愿队');
    wrapper.unmount();
  });

  it('a membership is rejected only with a reason', async () => {
    const fetch = routeFetch({
      [`GET ${V}/teams/7/members`]: jsonResponse(200, {
        items: [
          {
            id: 31,
            team_id: 7,
            person_id: 5,
            name: '王一',
            role: 'member',
            status: 'pending',
            message: '想参加',
            created_at: '2026-06-01T00:00:00Z',
            decision_reason: null,
          },
        ],
      }),
      [`POST ${V}/teams/7/members/31/decision`]: jsonResponse(200, { id: 31, status: 'rejected' }),
    });
    const wrapper = mount(MembersDialog, {
      props: { team: teamView(7, '风云志愿队', { decide_members: true }), modelValue: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    });
    await flushPromises();
    (document.querySelector('[data-testid="member-reject"]') as HTMLElement).click();
    await flushPromises();
    (document.querySelector('[data-testid="member-reject-save"]') as HTMLElement).click();
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await flushPromises();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/decision'))).toBe(false);
    // The browser's check stops it (the server would answer 422 on reason); the dialog stays.
    expect(document.querySelector('[data-testid="member-reject-dialog"]')).not.toBeNull();
    const input = document.querySelector('input[data-testid="member-reject-reason"]') as HTMLInputElement;
    input.value = '人数已满';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    (document.querySelector('[data-testid="member-reject-save"]') as HTMLElement).click();
    await flushPromises();
    expect(bodyOf(fetch, `POST ${V}/teams/7/members/31/decision`)).toEqual({ decision: 'reject', reason: '人数已满' });
    wrapper.unmount();
  });

  it('the self-report form names the teams and sends 2 hours as 120 minutes', async () => {
    const fetch = routeFetch({
      [`GET ${V}/my/teams`]: jsonResponse(200, {
        items: [teamView(7, '风云志愿队', { report_hours: true }), teamView(8, '别的队')],
        next_cursor: null,
      }),
      [`POST ${V}/hours/reports`]: jsonResponse(201, report(40, '王一')),
    });
    const wrapper = mount(ReportForm, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    // The one team I may report to is chosen, by name.
    expect(wrapper.get('[data-testid="report-team"]').text()).toContain('风云志愿队');
    const hours = wrapper.get('[data-testid="report-hours"] input');
    await hours.setValue('2');
    await hours.trigger('change');
    await wrapper.get('textarea').setValue('社区清扫');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(bodyOf(fetch, `POST ${V}/hours/reports`)).toMatchObject({ team_id: 7, minutes: 120, description: '社区清扫' });
    expect(wrapper.text()).toContain('已提交');
    wrapper.unmount();
  });

  it('rankings show tied ranks as the server gives them', async () => {
    routeFetch({
      'GET /api/v1/organizations/1/stats': jsonResponse(200, { subtree: {} }),
      [`GET ${V}/organizations/1/monthly-hours`]: jsonResponse(200, { from: '2025-08', to: '2026-07', items: [] }),
      [`GET ${V}/rankings/volunteers`]: jsonResponse(200, {
        items: [
          { rank: 1, person_id: 1, name: '王一', minutes: 600, hours: 10 },
          { rank: 1, person_id: 2, name: '李二', minutes: 600, hours: 10 },
          { rank: 3, person_id: 3, name: '张三', minutes: 300, hours: 5 },
        ],
        next_cursor: null,
      }),
    });
    const wrapper = mount(RankingsList, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    const ranks = wrapper.findAll('.rankings__rank').map((r) => r.text());
    expect(ranks).toEqual(['1', '1', '3']);
    wrapper.unmount();
  });
});
