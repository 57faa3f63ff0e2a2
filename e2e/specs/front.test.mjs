import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

describe('public front page', () => {
  const suite = useSuite();

  test('a visitor sees what the platform is and a login link', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await page.goto('/');
      await toContainText(page.locator('h1'), '共青团组织网络平台');
      for (const section of ['news', 'activities', 'services', 'venues']) {
        await toBeVisible(page.getByTestId(`front-section-${section}`));
      }
      // Live content from the public lists of the demo, not advertising.
      await toContainText(page.getByTestId('front-item-news').first(), '克拉玛依');
      await toBeVisible(page.getByTestId('front-activities').getByTestId('project-card').first());
      await toBeVisible(page.getByTestId('front-item-services').first());
      await toBeVisible(page.getByTestId('front-item-venues').first());
      assert.equal(await page.getByText('1+100').count(), 0, 'no section for what a guest cannot use');
      assert.equal(await page.getByTestId('front-enter').count(), 0);
      await docScreenshot(page, 'front-desktop');

      await page.getByTestId('front-login').click();
      await toHavePath(page, '/login');
      await toBeVisible(page.locator('input[data-testid="login-name"]'));
    }),
  );

  test('every link of the front page works for a guest', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        const failing = [];
        page.on('response', (response) => {
          if (response.status() >= 400) failing.push(`${response.status()} ${response.url()}`);
        });
        await page.goto('/');
        await toBeVisible(page.getByTestId('front-item-venues').first());
        const links = await page
          .locator('main a[href]')
          .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
        assert.ok(links.length >= 6, `links on the front page: ${links.join(', ')}`);
        for (const href of links) {
          await page.goto(href);
          await page.waitForLoadState('networkidle');
          const path = new URL(page.url()).pathname;
          assert.equal(path, href.split('?')[0], `${href} stays where it points (not sent to login or home)`);
          await toBeVisible(page.locator('h1, h2').first());
        }
        assert.deepEqual(failing, [], 'no link of the front page makes a failing request for a guest');
      },
      { device: 'phone' },
    ),
  );

  test('a visitor who opens the app is sent to the login page', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await page.goto('/app');
      await toHavePath(page, '/login?redirect=/app');
      await toBeVisible(page.getByTestId('login-form'));
    }),
  );

  test('a guest phone load transfers under 250 KiB and makes no failing request', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        const responses = [];
        page.on('requestfinished', (request) => responses.push(request));
        const failing = [];
        page.on('response', (response) => {
          if (response.status() >= 400) failing.push(`${response.status()} ${response.url()}`);
        });
        await page.goto('/', { waitUntil: 'networkidle' });
        await toBeVisible(page.getByTestId('front-item-venues').first());
        assert.deepEqual(failing, [], 'a guest asks nothing that fails (no session probe answered 401)');
        let bytes = 0;
        const encodings = new Set();
        for (const request of responses) {
          const sizes = await request.sizes();
          bytes += sizes.responseBodySize + sizes.responseHeadersSize;
          const response = await request.response();
          const encoding = response && (await response.headerValue('content-encoding'));
          if (request.url().endsWith('.js') && encoding) encodings.add(encoding);
        }
        console.log(`front page on a phone: ${responses.length} requests, ${(bytes / 1024).toFixed(0)} KiB transferred`);
        assert.ok(encodings.has('br'), 'scripts come brotli-compressed');
        assert.ok(bytes < 250 * 1024, `the front page transferred ${(bytes / 1024).toFixed(0)} KiB`);
      },
      { device: 'phone' },
    ),
  );

  test('the front page fits a phone screen', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await page.goto('/');
        await toBeVisible(page.getByTestId('front-login'));
        await toBeVisible(page.getByTestId('front-section-activities'));
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
        await docScreenshot(page, 'front-phone');
      },
      { device: 'phone' },
    ),
  );
});
