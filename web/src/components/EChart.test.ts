import { describe, expect, it, vi } from 'vitest';
import { config, mount } from '@vue/test-utils';
import { i18n } from '@/locales';
import { nextTick } from 'vue';

const instance = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
vi.mock('echarts/core', () => ({ init: vi.fn(() => instance), use: vi.fn() }));

import EChart from './EChart.vue';

config.global.plugins = [i18n];

describe('EChart', () => {
  it('draws the option, redraws when it changes and disposes on unmount', async () => {
    const first = { series: [{ type: 'bar', data: [1, 2] }] };
    const wrapper = mount(EChart, { props: { option: first } });
    expect(instance.setOption).toHaveBeenLastCalledWith(first);

    const second = { series: [{ type: 'line', data: [3] }] };
    await wrapper.setProps({ option: second });
    await nextTick();
    expect(instance.setOption).toHaveBeenLastCalledWith(second, { notMerge: true });

    wrapper.unmount();
    expect(instance.dispose).toHaveBeenCalledTimes(1);
  });
});

describe('EChart table view', () => {
  it('carries the numbers of a bar chart as a table, shown instead of the chart with the toggle', async () => {
    const option = {
      xAxis: { type: 'category', data: ['一月', '二月'] },
      yAxis: { type: 'value' },
      series: [
        { name: '本级', type: 'bar', data: [3, 5] },
        { name: '下级', type: 'bar', data: [{ value: 7 }, 0] },
      ],
    };
    const wrapper = mount(EChart, { props: { option, label: '人数' } });
    const table = wrapper.get('[data-testid="echart-table"]');
    expect(table.classes()).toContain('ts-visually-hidden');
    expect(table.get('caption').text()).toBe('人数');
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['项目', '本级', '下级']);
    expect(table.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
      ['一月', '3', '7'],
      ['二月', '5', '0'],
    ]);
    expect(wrapper.get('[data-testid="echart"]').attributes('aria-label')).toBe('人数');

    await wrapper.get('[data-testid="echart-toggle"]').trigger('click');
    expect(wrapper.get('[data-testid="echart-table"]').classes()).not.toContain('ts-visually-hidden');
    expect(wrapper.get('[data-testid="echart"]').attributes('style')).toContain('display: none');
    expect(wrapper.get('[data-testid="echart-toggle"]').attributes('aria-pressed')).toBe('true');
  });

  it('lists the slices of a pie and leaves out a silent "no data" ring', () => {
    const pie = mount(EChart, {
      props: { option: { series: [{ type: 'pie', data: [{ name: '已覆盖', value: 4 }, { name: '未覆盖', value: 1 }] }] } },
    });
    expect(pie.findAll('tbody tr').map((tr) => tr.text())).toEqual(['已覆盖4', '未覆盖1']);

    const empty = mount(EChart, {
      props: { option: { series: [{ type: 'pie', silent: true, data: [{ name: '暂无覆盖数据', value: 1 }] }] } },
    });
    expect(empty.findAll('tbody tr').map((tr) => tr.text())).toEqual(['暂无数据']);
  });
});
