import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { DEMO_PASSWORD, fillLogin, login, logout } from '../support/flows.mjs';
import { requestNameCorrection } from '../support/people.mjs';

const NEW_PASSWORD = 'fengyun-2026';

/** Logs in through the API (another device) and returns its session cookie. */
async function loginElsewhere(baseURL, login, password) {
  const r = await fetch(`${baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1' },
    body: JSON.stringify({ login, password }),
  });
  assert.equal(r.status, 200);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('tianshan_session='));
  return cookie.split(';')[0];
}

describe('account security', () => {
  const suite = useSuite();

  test('a member changes the password: the phone is logged out, the old password no longer logs in, the new one does', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      const phone = await loginElsewhere(suite.baseURL, 'member', DEMO_PASSWORD);
      await login(page, 'member', DEMO_PASSWORD);
      await page.getByTestId('account-menu').click();
      await page.getByTestId('account-security-link').click();
      await toHavePath(page, '/app/account/security');
      await toBeVisible(page.getByTestId('account-security'));
      await toContainText(page.getByTestId('sessions-table'), 'Safari · iOS');
      await toContainText(page.getByTestId('sessions-table'), '当前设备');

      // The strength meter under the new password: a broken rule first, then a level.
      await page.locator('input[data-testid="password-new"]').fill('short-1');
      await toContainText(page.getByTestId('password-strength'), '至少 12 个字符');
      await page.locator('input[data-testid="password-new"]').fill('password1234');
      await toContainText(page.getByTestId('password-strength'), '密码强度：弱');

      // A wrong current password is named beside its field; nothing changes.
      await page.locator('input[data-testid="password-current"]').fill('not-my-password-1');
      await page.locator('input[data-testid="password-new"]').fill(NEW_PASSWORD);
      await page.locator('input[data-testid="password-confirm"]').fill(NEW_PASSWORD);
      await page.getByTestId('password-submit').click();
      await toContainText(page.getByTestId('password-card'), '当前密码不正确');

      await page.locator('input[data-testid="password-current"]').fill(DEMO_PASSWORD);
      await page.getByTestId('password-submit').click();
      await toContainText(page.locator('.el-message'), '密码已修改');
      const phoneNow = await fetch(`${suite.baseURL}/api/v1/session`, { headers: { Cookie: phone } });
      assert.equal(phoneNow.status, 401, 'the other device is logged out');
      await toBeHidden(page.getByTestId('session-end')); // the list reloads: only this device is left
      assert.equal(await page.getByTestId('session-end').count(), 0, 'only this device is left');

      await logout(page);
      await fillLogin(page, 'member', DEMO_PASSWORD);
      await toBeVisible(page.getByTestId('login-error'));
      await toHavePath(page, '/login');
      await login(page, 'member', NEW_PASSWORD);
    }),
  );

  test('a youth logs out everywhere from the phone page, entering the password again: the other device and this one are logged out', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      const other = await loginElsewhere(suite.baseURL, 'youth', DEMO_PASSWORD);
      await login(page, 'youth', DEMO_PASSWORD);
      await page.goto(`${suite.baseURL}/app/account/security`);
      await toBeVisible(page.getByTestId('account-security'));
      await page.getByTestId('sessions-end-all').click();
      // The password is asked again before every session ends.
      await page.locator('.el-message-box__input input').fill(DEMO_PASSWORD);
      await page.locator('.el-message-box__btns .el-button--primary').click();
      await toHavePath(page, '/login');
      const otherNow = await fetch(`${suite.baseURL}/api/v1/session`, { headers: { Cookie: other } });
      assert.equal(otherNow.status, 401, 'the other device is logged out');
      await login(page, 'youth', DEMO_PASSWORD);
    }),
  );

  test('a branch secretary requests a correction from the person page; the city admin finds it in the audit log', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'branch-secretary');
      await requestNameCorrection(page, '风云社区团支部', '更正测试', '户口本上的姓名');
      await logout(page);

      await login(page, 'karamay-admin');
      await page.getByTestId('side-nav').getByText('审计日志').click();
      await toBeVisible(page.getByTestId('audit-page'));
      // Who travels in a header, never in a URL (it may be a phone number: ASVS 8.3.1).
      const urls = [];
      page.on('request', (r) => urls.push(r.url()));
      const byActor = page.waitForRequest(
        (r) => r.url().includes('/api/v1/audit?') && r.headers()['x-search-actor'] === 'branch-secretary',
      );
      await page.locator('input[data-testid="audit-actor"]').fill('branch-secretary');
      await byActor;
      await toContainText(page.getByTestId('audit-table'), 'correction.request');
      assert.ok(urls.length > 0 && urls.every((u) => !u.includes('branch-secretary')), urls.join('\n'));
      assert.ok(!page.url().includes('branch-secretary'), page.url());
      await toContainText(page.getByTestId('audit-table'), '风云社区团支部书记');
    }),
  );
});
