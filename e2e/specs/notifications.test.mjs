import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { DESKTOP } from '../support/browser.mjs';
import { bellCount } from '../support/bell.mjs';

const JIAFU = '佳福小区团支部';
const FENGYUN = '风云社区团支部';

/** A JSON call through the page's session (same origin, the session cookie and CSRF token). */
async function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const session = await (await fetch('/api/v1/session')).json();
    const r = await fetch(`/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token ?? '' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  }, { method, path, body });
}

/** Waits until the bell shows `expected` (the badge fades out, so give it a moment). */
async function bellShows(page, expected, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while ((await bellCount(page)) !== expected) {
    assert.ok(Date.now() < deadline, `the bell shows ${await bellCount(page)}, expected ${expected}`);
    await page.waitForTimeout(100);
  }
}

describe('notifications', () => {
  const suite = useSuite();

  test('the bell counts up live when another account starts a transfer, and the page lists it', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page, context) => {
      // The secretary of 风云社区团支部 has the app open.
      await login(page, 'branch-secretary');
      await toBeVisible(page.getByTestId('notification-bell'));
      const before = await bellCount(page);

      // In another browser, the committee above both branches moves a member of 佳福 to 风云.
      const other = await context.browser().newContext({ ...DESKTOP, baseURL: suite.baseURL });
      try {
        const admin = await other.newPage();
        await login(admin, 'karamay-admin');
        const jiafu = (await api(admin, 'GET', `/organizations/search?q=${encodeURIComponent(JIAFU)}`)).body.items[0];
        const fengyun = (await api(admin, 'GET', `/organizations/search?q=${encodeURIComponent(FENGYUN)}`)).body.items[0];
        const members = (await api(admin, 'GET', `/organizations/${jiafu.id}/people?kind=member&limit=20`)).body.items;
        const started = await api(admin, 'POST', '/transfers', { person_id: members.at(-1).id, to_organization_id: fengyun.id });
        assert.equal(started.status, 201, JSON.stringify(started.body));
      } finally {
        await other.close();
      }

      // No reload: the count arrives over the live stream (within 2 s of the commit; 5 s here
      // leaves room for a loaded machine).
      await bellShows(page, before + 1);

      await page.getByTestId('notification-bell').click();
      await toHavePath(page, '/app/notifications');
      const item = page.getByTestId('notification-item').first();
      await toContainText(item, '组织关系转接待接收');
      await item.getByTestId('notification-open').click();
      await toHavePath(page, /\/app\/organizations\/\d+\/transfers$/);
      await bellShows(page, before); // opening it marks it read
    }),
  );
});
