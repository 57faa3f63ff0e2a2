// Runs a composable inside a component's setup (with i18n), for tests of composables that
// need one.
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { i18n } from '@/locales';

export function withSetup<T>(composable: () => T): { result: T; unmount: () => void } {
  let result!: T;
  const wrapper = mount(
    defineComponent({
      setup() {
        result = composable();
        return () => h('div');
      },
    }),
    { global: { plugins: [i18n] } },
  );
  return { result, unmount: () => wrapper.unmount() };
}
