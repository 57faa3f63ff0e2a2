import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';

const instance = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
vi.mock('echarts/core', () => ({ init: vi.fn(() => instance), use: vi.fn() }));

import EChart from './EChart.vue';

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
