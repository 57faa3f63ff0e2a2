import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';

vi.mock('echarts/core', () => ({
  init: vi.fn(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })),
  use: vi.fn(),
}));

import type { Shift } from '@/api/volunteering';
import VolunteerFigures from './figures/VolunteerFigures.vue';
import Certificates from './hours/Certificates.vue';
import SignUpForm from './projects/SignUpForm.vue';
import RosterList from './roster/list.vue';
import ScanPage from './scan/index.vue';

const shift: Shift = {
  id: 8,
  project_id: 2,
  starts_at: '2030-07-02T01:00:00Z',
  ends_at: '2030-07-02T04:00:00Z',
  capacity: 1,
  confirmed: 1,
  waitlisted: 0,
  seats_left: 0,
  role: '志愿者',
  requirements: null,
  min_age: null,
  status: 'open',
  state: 'full',
  ended: false,
};

function memoryRouter(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/volunteer/scan', component: { template: '<div />' } },
      { path: '/login', name: 'login', component: { template: '<div />' } },
      { path: '/app/volunteering/shifts/:id', component: { template: '<div />' } },
      { path: '/:rest(.*)*', component: { template: '<div />' } },
    ],
  });
  void router.push(path);
  return router;
}

describe('volunteering screens', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    useSessionStore().csrfToken = 'c';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('sign-up on a full shift offers the waitlist and shows the position', async () => {
    const fetch = stubFetch(jsonResponse(201, { id: 3, status: 'waitlisted', waitlist_position: 2 }));
    const wrapper = mount(SignUpForm, {
      props: { shift, modelValue: true },
      global: { plugins: [pinia, i18n, ElementPlus] },
      attachTo: document.body,
    });
    await flushPromises();
    const submit = document.querySelector('[data-testid="signup-submit"]') as HTMLButtonElement;
    expect(submit.textContent).toContain('加入候补');
    submit.click();
    await flushPromises();
    expect(recordedCall(fetch).headers.get('Idempotency-Key')).toBeTruthy();
    expect(document.querySelector('[data-testid="signup-result"]')?.textContent).toContain('候补，第 2 位');
    expect(wrapper.emitted('done')?.[0]).toBeTruthy();
    wrapper.unmount();
  });

  it('the roster shows live states', async () => {
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: true, addEventListener: vi.fn(), removeEventListener: vi.fn() })));
    stubFetch(
      jsonResponse(200, {
        shift,
        project: { id: 2, title: '社区清洁' },
        items: [
          { sign_up: { id: 1, name: '王一', status: 'confirmed', waitlist_position: null }, attendance: null },
          {
            sign_up: { id: 2, name: '李二', status: 'confirmed', waitlist_position: null },
            attendance: { checked_in_at: '2030-07-02T01:02:00Z', checked_out_at: null, hours_confirmed: false },
          },
        ],
      }),
    );
    const router = memoryRouter('/app/volunteering/shifts/8');
    await router.isReady();
    const wrapper = mount(RosterList, { global: { plugins: [pinia, i18n, ElementPlus, router] } });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="roster-row"]');
    expect(rows.map((r) => r.attributes('data-state'))).toEqual(['checkedIn', 'absent']);
    expect(wrapper.text()).toContain('社区清洁');
    expect(wrapper.get('[data-testid="roster-counts"]').text()).toContain('在岗 1');
    wrapper.unmount();
  });

  it('the scan page records the check-in for the signed-in volunteer', async () => {
    const fetch = stubFetch(
      jsonResponse(200, {
        attendance: { checked_in_at: '2030-07-02T01:02:00Z', checked_out_at: null },
        changed: true,
      }),
    );
    const router = memoryRouter('/volunteer/scan?shift=8&direction=in&token=abc');
    await router.isReady();
    const wrapper = mount(ScanPage, { global: { plugins: [pinia, i18n, ElementPlus, router] } });
    await flushPromises();
    expect(recordedCall(fetch).url).toBe('/api/v1/volunteering/shifts/8/check-in');
    expect(wrapper.get('[data-testid="scan-page"]').attributes('data-state')).toBe('done');
    expect(wrapper.text()).toContain('签到成功');
  });

  it('certificates link their PDF', async () => {
    stubFetch(
      jsonResponse(200, {
        items: [
          {
            id: 4,
            certificate: { code: 'ABC', name: '王一', minutes: 90, hours: 1.5, projects: [], issued_on: '2026-07-01' },
            pdf_url: '/api/v1/volunteering/certificates/4/pdf',
            verify_url: '/verify/ABC',
          },
        ],
      }),
    );
    const wrapper = mount(Certificates, { global: { plugins: [pinia, i18n, ElementPlus] } });
    await flushPromises();
    expect(wrapper.get('[data-testid="certificate-download"]').attributes('href')).toBe(
      '/api/v1/volunteering/certificates/4/pdf',
    );
    expect(wrapper.text()).toContain('1.5 小时');
  });

  it('figures come from the stats counters when present', async () => {
    stubFetch(
      jsonResponse(200, {
        subtree: { 'volunteer.hours_minutes': 630, 'volunteer.volunteers': 7, 'volunteer.projects': 3 },
      }),
      jsonResponse(200, { from: '2025-08', to: '2026-07', items: [] }),
    );
    const wrapper = mount(VolunteerFigures, {
      props: { organizationId: 5 },
      global: { plugins: [pinia, i18n, ElementPlus] },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="figure-hours"]').text()).toContain('10.5');
    expect(wrapper.get('[data-testid="figure-volunteers"]').text()).toContain('7');
    expect(wrapper.get('[data-testid="figure-projects"]').text()).toContain('3');
  });
});
