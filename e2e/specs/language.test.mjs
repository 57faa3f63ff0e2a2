import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText } from '../support/expect.mjs';
import { fillLogin, login, switchLanguage } from '../support/flows.mjs';

describe('language switch', () => {
  const suite = useSuite();

  test('switching to English and back is remembered across reloads', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await page.goto('/');
      await toContainText(page.locator('h1'), '共青团组织网络平台');

      await switchLanguage(page, 'en');
      await toContainText(page.locator('h1'), 'Youth league organization network platform');
      await page.reload();
      await toContainText(page.locator('h1'), 'Youth league organization network platform');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

      await switchLanguage(page, 'zh-CN');
      await toContainText(page.locator('h1'), '共青团组织网络平台');
      await page.reload();
      await toContainText(page.locator('h1'), '共青团组织网络平台');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    }),
  );

  test('the login page and the shell switch language too', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await page.goto('/login');
      await switchLanguage(page, 'en');
      await toContainText(page.getByTestId('login-submit'), 'Log in');

      await login(page);
      await toContainText(page.getByTestId('grant-table'), 'Committee administrator');
      await switchLanguage(page, 'zh-CN');
      await toContainText(page.getByTestId('grant-table'), '团委管理员');
      await switchLanguage(page, 'en');
      await page.reload();
      await toContainText(page.getByTestId('grant-table'), 'Committee administrator');
    }),
  );

  test('the server answers in the chosen language', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      const wrong = { login: 'region-admin', password: 'wrong-password' };
      const ask = async (language) => {
        const response = await fetch(`${suite.baseURL}/api/v1/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
          body: JSON.stringify(wrong),
        });
        const problem = await response.json();
        return problem.detail || problem.title;
      };
      const english = await ask('en');
      assert.notEqual(english, await ask('zh-CN'), 'the server has one message for both languages');

      await page.goto('/login');
      await switchLanguage(page, 'en');
      await toContainText(page.getByTestId('login-submit'), 'Log in');
      await fillLogin(page, wrong.login, wrong.password);
      await toBeVisible(page.getByTestId('login-error'));
      await toContainText(page.getByTestId('login-error'), english);
    }),
  );
});
