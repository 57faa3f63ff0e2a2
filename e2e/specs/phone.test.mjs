import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login, logout } from '../support/flows.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

const REGION = '新疆维吾尔自治区团委';

describe('phone (390×844)', () => {
  const suite = useSuite();

  test('login, drawer navigation, grant cards, logout', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await page.goto('/login');
        await docScreenshot(page, 'login-phone');
        await login(page);

        // No side bar on a phone: the navigation lives in a drawer.
        assert.equal(await page.locator('.app-shell__aside').count(), 0);
        await toContainText(page.getByTestId('current-organization'), REGION);
        await toBeVisible(page.getByTestId('grant-card'));
        assert.equal(await page.getByTestId('grant-table').count(), 0);
        await docScreenshot(page, 'shell-phone');

        await page.getByTestId('open-nav').click();
        const drawer = page.locator('.app-shell__drawer');
        await toBeVisible(drawer.getByTestId('org-navigator'));
        await toContainText(drawer.getByTestId('org-navigator'), REGION);
        await docScreenshot(page, 'shell-phone-drawer');
        await drawer.locator('.el-menu-item').first().click();
        await toBeHidden(drawer);
        await toHavePath(page, '/app');

        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);

        await logout(page);
      },
      { device: 'phone' },
    ),
  );
});
