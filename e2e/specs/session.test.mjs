import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { DEMO_PASSWORD, fillLogin, login, logout } from '../support/flows.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

const REGION = '新疆维吾尔自治区团委';

describe('login and the app shell', () => {
  const suite = useSuite();

  test('region-admin logs in, sees the shell with its organization, logs out', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'region-admin', DEMO_PASSWORD);
      await toContainText(page.getByTestId('current-organization'), REGION);
      await toContainText(page.getByTestId('org-navigator'), REGION);
      await toContainText(page.getByTestId('grant-table'), REGION);
      await toContainText(page.getByTestId('grant-table'), '团委管理员');
      await toContainText(page.getByTestId('account-card'), 'region-admin');
      await toBeVisible(page.getByTestId('side-nav'));
      await docScreenshot(page, 'shell-desktop');

      // The session survives a reload (GET /api/v1/session on start).
      await page.reload();
      await toContainText(page.getByTestId('current-organization'), REGION);

      await logout(page);
      await page.goto('/app');
      await toHavePath(page, '/login?redirect=/app');
    }),
  );

  test('a wrong password shows the server message and stays on the login page', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      // What the server says to a wrong password, in the UI's default language.
      const response = await fetch(`${suite.baseURL}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
        body: JSON.stringify({ login: 'region-admin', password: 'not-the-password' }),
      });
      assert.equal(response.status, 401);
      const problem = await response.json();
      const expected = problem.detail || problem.title;
      assert.ok(expected, 'the server sent no message');

      await fillLogin(page, 'region-admin', 'not-the-password');
      const alert = page.getByTestId('login-error');
      await toBeVisible(alert);
      await toContainText(alert, expected);
      await toHavePath(page, '/login');
      assert.equal(await page.getByTestId('home').count(), 0);
    }),
  );

  test('after login the page the visitor asked for opens', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await page.goto('/app');
      await toHavePath(page, '/login?redirect=/app');
      await page.locator('input[data-testid="login-name"]').fill('region-admin');
      await page.locator('input[data-testid="login-password"]').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await toHavePath(page, '/app');
      await toBeVisible(page.getByTestId('home'));
    }),
  );
});
