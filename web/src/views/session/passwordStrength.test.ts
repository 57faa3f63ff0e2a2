import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '@/locales';
import { levelOf, passwordStrength, ruleProblems } from './passwordStrength';
import PasswordStrength from './PasswordStrength.vue';

describe('password strength', () => {
  it('checks the server rules first: 12 to 128 characters, two kinds, not the login name', () => {
    expect(ruleProblems('short-1')).toEqual(['tooShort']);
    expect(ruleProblems('eleven-ch-1')).toEqual(['tooShort']);
    expect(ruleProblems('twelve-ch-12')).toEqual([]);
    expect(ruleProblems('a'.repeat(120) + '-1234567')).toEqual([]);
    expect(ruleProblems('a'.repeat(120) + '-12345678')).toEqual(['tooLong']);
    expect(ruleProblems('abcdefghijklmn')).toEqual(['oneKind']);
    expect(ruleProblems('天山天山天山天山天山天山')).toEqual(['oneKind']);
    expect(ruleProblems('天山天山天山天山天山天山1')).toEqual([]);
    expect(ruleProblems('zhang-wei-2026', 'zhang-wei-2026')).toEqual(['isLogin']);
    // Characters, not bytes: 10 Chinese characters and a digit are 11 (33 bytes), one too few.
    expect(ruleProblems('天山天山天山天山天山1')).toEqual(['tooShort']);
  });

  it('maps the estimate to a level, and any rule problem to invalid', () => {
    expect(levelOf(4, ['tooShort'])).toBe('invalid');
    expect([0, 1, 2, 3, 4].map((s) => levelOf(s, []))).toEqual(['weak', 'weak', 'fair', 'good', 'strong']);
  });

  it('calls guessable passwords weak even when they meet the rules, and long random ones strong', async () => {
    expect(await passwordStrength('password1234')).toBe('weak');
    expect(await passwordStrength('qwertyuiop12')).toBe('weak');
    expect(await passwordStrength('zhangwei-2026', '', ['zhangwei'])).not.toBe('strong');
    expect(await passwordStrength('Tq7#vL9!pWz2$kR4')).toBe('strong');
    // The login name counts as a known word.
    const withLogin = await passwordStrength('fengyun-branch-7', 'fengyun-branch');
    const without = await passwordStrength('fengyun-branch-7');
    expect(['weak', 'fair', 'good', 'strong'].indexOf(withLogin)).toBeLessThanOrEqual(
      ['weak', 'fair', 'good', 'strong'].indexOf(without),
    );
  });

  it('shows the level and the broken rules under the field, nothing while it is empty', async () => {
    setLocale('zh-CN');
    const wrapper = mount(PasswordStrength, { props: { password: '' }, global: { plugins: [i18n, ElementPlus] } });
    await flushPromises();
    expect(wrapper.find('[data-testid="password-strength"]').exists()).toBe(false);

    await wrapper.setProps({ password: 'short-1' });
    await flushPromises();
    const meter = wrapper.get('[data-testid="password-strength"]');
    expect(meter.attributes('data-level')).toBe('invalid');
    expect(wrapper.findAll('[data-testid="password-strength-problem"]').map((p) => p.text())).toEqual(['至少 12 个字符']);

    await wrapper.setProps({ password: 'Tq7#vL9!pWz2$kR4' });
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
    await flushPromises();
    expect(wrapper.get('[data-testid="password-strength"]').attributes('data-level')).toBe('strong');
    expect(wrapper.text()).toContain('密码强度：强');
    expect(wrapper.findAll('[data-testid="password-strength-problem"]')).toHaveLength(0);
  });
});
