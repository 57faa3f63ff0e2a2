import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '@/locales';
import { useKeysetList } from '@/composables/useKeysetList';
import DataList from './DataList.vue';
import type { Column } from './dataList';

interface Row {
  id: number;
  name: string;
  kind: 'member' | 'youth';
  phone: string | null;
  org: string;
}

const COLUMNS: Column<Row, { subtree: boolean }>[] = [
  { key: 'name', label: 'people.fields.name', text: (r) => r.name, to: (r) => `/app/people/${r.id}`, testid: 'name', card: 'title' },
  { key: 'kind', label: 'people.fields.kind', text: (r, t) => t(`people.kinds.${r.kind}`), tag: () => 'success', card: 'head' },
  { key: 'phone', label: 'people.fields.phone', text: (r) => r.phone, testid: 'phone' },
  { key: 'org', label: 'people.fields.organization', text: (r) => r.org, card: 'meta', when: (c) => c.subtree },
];

const ROWS: Row[] = [
  { id: 1, name: '王一', kind: 'member', phone: '13900000001', org: '风云社区团支部' },
  { id: 2, name: '李二', kind: 'youth', phone: null, org: '佳福小区团支部' },
];

function setPhone(phone: boolean) {
  vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: phone, addEventListener: vi.fn(), removeEventListener: vi.fn() })));
}

function mountList(props: Record<string, unknown>, slots: Record<string, (scope: { row: Row }) => unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  return mount(DataList as Component, {
    props: { columns: COLUMNS, context: { subtree: false }, testid: 'table', cardTestid: 'card', ...props },
    slots,
    global: { plugins: [i18n, ElementPlus, router] },
  });
}

describe('DataList', () => {
  beforeEach(() => setLocale('zh-CN'));
  afterEach(() => vi.unstubAllGlobals());

  it('draws the declared columns as a table on a desk, the row testid on the first cell', async () => {
    setPhone(false);
    const wrapper = mountList({ rows: ROWS, rowTestid: 'row', rowAttrs: (r: Row) => ({ 'data-kind': r.kind }) });
    await flushPromises();
    const table = wrapper.get('[data-testid="table"]');
    expect(table.findAll('th').map((th) => th.text())).toEqual(['姓名', '类别', '手机号码']);
    expect(table.findAll('tbody tr')).toHaveLength(2);
    expect(wrapper.get('[data-testid="name"]').attributes('href')).toBe('/app/people/1');
    expect(wrapper.findAll('[data-testid="row"]').map((r) => r.attributes('data-kind'))).toEqual(['member', 'youth']);
    expect(wrapper.find('[data-testid="card"]').exists()).toBe(false);
  });

  it('selects rows by key on a phone (v-model:selected) and draws no check box without a selection', async () => {
    setPhone(true);
    const plain = mountList({ rows: ROWS });
    await flushPromises();
    expect(plain.find('[data-testid="row-select"]').exists()).toBe(false);
    const wrapper = mountList({ rows: ROWS, selected: [] });
    await flushPromises();
    const boxes = wrapper.findAll('[data-testid="row-select"] input');
    expect(boxes).toHaveLength(2);
    await boxes[1].setValue(true);
    expect(wrapper.emitted('update:selected')?.at(-1)).toEqual([[2]]);
    await wrapper.setProps({ selected: [2] });
    await wrapper.findAll('[data-testid="row-select"] input')[1].setValue(false);
    expect(wrapper.emitted('update:selected')?.at(-1)).toEqual([[]]);
  });

  it('adds a selection column to the table on a desk', async () => {
    setPhone(false);
    const wrapper = mountList({ rows: ROWS, selected: [] });
    await flushPromises();
    const table = wrapper.get('[data-testid="table"]');
    expect(table.findAll('tbody .el-checkbox')).toHaveLength(2);
    await table.findAll('tbody .el-checkbox input')[0].setValue(true);
    await flushPromises();
    expect(wrapper.emitted('update:selected')?.at(-1)).toEqual([[1]]);
  });

  it('draws the same columns as cards on a phone: title and tags, short facts, labelled lines', async () => {
    setPhone(true);
    const wrapper = mountList({ rows: ROWS, context: { subtree: true } });
    await flushPromises();
    expect(wrapper.find('[data-testid="table"]').exists()).toBe(false);
    const cards = wrapper.findAll('[data-testid="card"]');
    expect(cards).toHaveLength(2);
    expect(cards[0].get('.ts-card__title').text()).toBe('王一');
    expect(cards[0].text()).toContain('团员');
    expect(cards[0].text()).toContain('手机号码: 13900000001');
    expect(cards[0].text()).toContain('风云社区团支部');
    // An empty line is left out rather than drawn as "手机号码: ".
    expect(cards[1].text()).not.toContain('手机号码');
  });

  it('shows a column only where its condition holds', async () => {
    setPhone(false);
    const wrapper = mountList({ rows: ROWS, context: { subtree: true } });
    await flushPromises();
    expect(wrapper.findAll('th').map((th) => th.text())).toContain('所属组织');
  });

  it('draws a cell from the screen’s slot and the row’s actions in both layouts', async () => {
    for (const phone of [false, true]) {
      setPhone(phone);
      const wrapper = mountList(
        { rows: ROWS },
        {
          'cell-kind': ({ row }) => h('em', { 'data-testid': 'kind' }, row.kind),
          actions: ({ row }) => h('button', { 'data-testid': 'act' }, `x${row.id}`),
        },
      );
      await flushPromises();
      expect(wrapper.findAll('[data-testid="kind"]').map((k) => k.text())).toEqual(['member', 'youth']);
      expect(wrapper.findAll('[data-testid="act"]').map((k) => k.text())).toEqual(['x1', 'x2']);
      wrapper.unmount();
    }
  });

  it('says when there are no rows', async () => {
    setPhone(false);
    const wrapper = mountList({ rows: [], empty: 'people.list.empty', emptyTestid: 'empty' });
    await flushPromises();
    expect(wrapper.get('[data-testid="empty"]').text()).toBe('没有符合条件的人员');
    expect(wrapper.find('[data-testid="table"]').exists()).toBe(false);
  });

  it('loads the next page of a keyset list from its button, and counts the rows shown', async () => {
    setPhone(false);
    const fetch = vi.fn(async (_: object, cursor: string | null) =>
      cursor ? { items: [ROWS[1]], next_cursor: null } : { items: [ROWS[0]], next_cursor: 'c' },
    );
    const Screen = defineComponent({
      setup() {
        const list = useKeysetList({ fetch });
        return () => h(DataList as Component, { list, columns: COLUMNS, context: { subtree: false }, moreTestid: 'more', countLabel: 'people.list.shown', countTestid: 'count' });
      },
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
    const wrapper = mount(Screen, { global: { plugins: [i18n, ElementPlus, router] } });
    await flushPromises();
    expect(wrapper.get('[data-testid="count"]').text()).toBe('已显示 1 人');
    await wrapper.get('[data-testid="more"]').trigger('click');
    await flushPromises();
    expect(fetch).toHaveBeenLastCalledWith(expect.anything(), 'c');
    expect(wrapper.get('[data-testid="count"]').text()).toBe('已显示 2 人');
    expect(wrapper.find('[data-testid="more"]').exists()).toBe(false);
  });
});
