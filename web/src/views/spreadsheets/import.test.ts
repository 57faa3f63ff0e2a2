import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, stubFetch } from '@/testing/http';
import ImportView from './import.vue';

const job = (over: Record<string, unknown>) => ({
  id: 'j1',
  kind: 'people',
  organization_id: 31,
  status: 'validating',
  total_rows: 3,
  processed_rows: 0,
  valid_rows: 0,
  error_rows: 0,
  imported_rows: 0,
  errors: [],
  ...over,
});

/** Chooses a file in the upload box (its file input), as a click or a drop would. */
async function choose(wrapper: ReturnType<typeof mount>, file: File) {
  const input = wrapper.get('[data-testid="import-file"] input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: [file] });
  await input.trigger('change');
  await flushPromises();
}

describe('import screen', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    useSessionStore().csrfToken = 'tok';
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() })));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uploads, polls and names every bad row; offers only the good rows', async () => {
    const fetch = stubFetch(
      jsonResponse(200, { id: 31, name: '风云社区团支部', path: '/1/31/' }),
      jsonResponse(202, job({})),
      jsonResponse(
        200,
        job({
          status: 'validated',
          processed_rows: 3,
          valid_rows: 1,
          error_rows: 2,
          errors: [
            { line: 4, column: 'F', header: '身份证号码', field: 'identity_number', message: '身份证号码校验位不正确' },
            { line: 3, column: 'B', header: '性别', field: 'gender', message: '性别只能是男或女' },
          ],
        }),
      ),
    );
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/app/organizations/:id/import', component: ImportView }] });
    await router.push('/app/organizations/31/import');
    const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [pinia, i18n, ElementPlus, router] } });
    await flushPromises();

    await choose(wrapper, new File(['姓名,性别\n'], 'people.csv', { type: 'text/csv' }));
    await wrapper.get('[data-testid="import-upload"]').trigger('click');
    await flushPromises();
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/imports?kind=people&organization_id=31');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-errors"]').exists()).toBe(true), { timeout: 3000 });
    const text = wrapper.get('[data-testid="import-errors"]').text();
    expect(text).toContain('性别只能是男或女');
    expect(text).toContain('F (身份证号码)');
    expect(text.indexOf('性别只能是男或女')).toBeLessThan(text.indexOf('身份证号码校验位不正确'));
    expect(wrapper.find('[data-testid="import-all"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="import-valid-only"]').text()).toContain('1');
    expect(wrapper.get('[data-testid="download-errors"]').text()).toContain('下载出错的行');
  });

  it('says an empty file is empty instead of uploading it', async () => {
    const fetch = stubFetch(jsonResponse(200, { id: 31, name: '风云社区团支部', path: '/1/31/' }));
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/app/organizations/:id/import', component: ImportView }] });
    await router.push('/app/organizations/31/import');
    const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [pinia, i18n, ElementPlus, router] } });
    await flushPromises();
    await choose(wrapper, new File([], 'people.xlsx'));
    expect(wrapper.get('[data-testid="import-failure"]').text()).toContain('这个文件是空的');
    expect(wrapper.get('[data-testid="import-upload"]').attributes('disabled')).toBeDefined();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
