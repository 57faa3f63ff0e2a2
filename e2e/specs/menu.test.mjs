import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';

/** The side menu's entries once the current organization's `can` is known. */
async function menuEntries(page, scope) {
  await toBeVisible(scope.locator('[data-testid="side-nav"][data-ready="true"]'));
  return (await scope.locator('.el-menu-item').allTextContents()).map((s) => s.trim());
}

describe('the menu per role', () => {
  const suite = useSuite();

  test('a young person on a phone sees my shifts and my hours, nothing of administration or of leading a team', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.getByTestId('open-nav').click();
        const entries = await menuEntries(page, page.locator('.app-shell__drawer'));
        assert.ok(entries.includes('我的班次'), entries.join(','));
        assert.ok(entries.includes('我的时长'), entries.join(','));
        assert.ok(!entries.includes('审计日志'), entries.join(','));
        assert.ok(!entries.includes('导入'), entries.join(','));
        assert.ok(!entries.includes('带队管理'), entries.join(','));
        assert.ok(!entries.includes('时长审核'), entries.join(','));
        assert.ok(!entries.includes('信息更正'), entries.join(','));
      },
      { device: 'phone' },
    ),
  );

  test('a branch secretary who leads a team gets the leader pages and the corrections list', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'branch-secretary');
      const entries = await menuEntries(page, page);
      assert.ok(entries.includes('带队管理'), entries.join(','));
      assert.ok(entries.includes('时长审核'), entries.join(','));
      assert.ok(entries.includes('信息更正'), entries.join(','));
    }),
  );

  test('an admin without a person record is not offered personal pages; the audit log is there', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'region-admin');
      const entries = await menuEntries(page, page);
      assert.ok(!entries.includes('我的班次'), entries.join(','));
      assert.ok(!entries.includes('我的时长'), entries.join(','));
      assert.ok(entries.includes('审计日志'), entries.join(','));
    }),
  );
});
