import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { DESKTOP, PHONE } from '../support/browser.mjs';

/** A JSON GET through the page's session. */
async function apiGet(page, path) {
  return page.evaluate(async (path) => (await fetch(`/api/v1${path}`)).json(), path);
}

/** The number shown on the committee dashboard for `figure`. */
async function figure(page, name) {
  const card = page.getByTestId(`cadres-figure-${name}`);
  await toBeVisible(card);
  return Number((await card.locator('strong').textContent()).trim());
}

describe('cadres: "1+100" direct contact', () => {
  const suite = useSuite();

  test('a cadre invites on a desk, the young person accepts on a phone, an activity for several contacts moves the dashboard', { timeout: TEST_TIMEOUT * 3 }, (t) =>
    suite.withPage(t, async (cadre, context) => {
      const browser = context.browser();
      // The committee's dashboard, before.
      const adminContext = await browser.newContext({ ...DESKTOP, baseURL: suite.baseURL });
      const phoneContext = await browser.newContext({ ...PHONE, baseURL: suite.baseURL });
      try {
        const admin = await adminContext.newPage();
        await login(admin, 'karamay-admin');
        const karamay = (await apiGet(admin, `/organizations/search?q=${encodeURIComponent('克拉玛依市团委')}`)).items[0];
        await admin.goto(`/app/organizations/${karamay.id}/cadres`);
        const contactsBefore = await figure(admin, 'contacts');
        const activityDueBefore = await figure(admin, 'activity_due');

        // The cadre, on a desk, makes an invitation link with its QR code.
        await login(cadre, 'cadre');
        await cadre.goto('/app/cadres');
        await cadre.getByTestId('cadres-invite').click();
        await toBeVisible(cadre.getByTestId('cadres-invitation').locator('svg'));
        const url = await cadre.getByTestId('cadres-invitation').locator('input').inputValue();
        const path = new URL(url).pathname;
        assert.match(path, /^\/invite\/[A-Za-z0-9_-]+$/);

        // The young person, on a phone: their earlier contact with this cadre is ended first
        // (a contact is revived only by a new consent), then they open the link and agree.
        const phone = await phoneContext.newPage();
        await login(phone, 'youth');
        await phone.goto('/app/my-cadres');
        const before = phone.getByTestId('my-cadre');
        await toBeVisible(before.first());
        await before.first().getByTestId('my-cadre-end').click();
        await toContainText(phone.getByTestId('my-cadre').first(), '已结束');
        await phone.goto(path);
        await toHavePath(phone, /^\/app\/my-cadres\?invite=/);
        const offer = phone.getByTestId('cadres-offer');
        await toContainText(offer, '克拉玛依市团委');
        await toContainText(phone.getByTestId('cadres-consent'), '结束联系');
        await phone.getByTestId('cadres-offer-accept').click();
        await toBeVisible(phone.locator('[data-testid="my-cadre"]', { hasText: '联系中' }));
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `my cadres is ${overflow}px wider than the phone`);

        // The committee sees the new contact due an offline activity this quarter — and no names.
        await admin.reload();
        assert.equal(await figure(admin, 'contacts'), contactsBefore);
        assert.equal(await figure(admin, 'activity_due'), activityDueBefore + 1);
        const names = (await apiGet(cadre, '/cadres/me/contacts?status=all')).items.map((c) => c.person_name);
        assert.ok(names.length >= 2);
        const committeeText = await admin.locator('body').innerText();
        for (const name of names) assert.ok(!committeeText.includes(name), `the dashboard shows ${name}`);

        // Back on the desk: the cadre ticks two contacts and logs an offline activity.
        await cadre.reload();
        const choose = cadre.getByTestId('cadres-choose');
        await toBeVisible(choose.first());
        assert.ok((await choose.count()) >= 2);
        await choose.nth(0).click();
        await choose.nth(1).click();
        await cadre.getByTestId('cadres-log').locator('input[maxlength="200"]').fill('社区观影交流活动');
        await cadre.getByTestId('cadres-log-save').click();
        await toContainText(cadre.locator('.el-message'), '已为 2 位青年记录');

        // The young person sees it recorded about them.
        await phone.reload();
        await toContainText(phone.getByTestId('my-interaction').first(), '社区观影交流活动');

        // The dashboard moved back: the new contact has had its activity this quarter.
        await admin.reload();
        assert.equal(await figure(admin, 'activity_due'), activityDueBefore);
        await toBeVisible(admin.getByTestId('echart'));

        // The cadre finds a contact by name: the name travels in a header, never in a URL (no
        // request's and not the address bar's: ASVS 8.3.1).
        const [name] = (await apiGet(cadre, '/cadres/me/contacts?status=active')).items.map((c) => c.person_name);
        assert.ok(name);
        const urls = [];
        cadre.on('request', (r) => urls.push(r.url()));
        const byName = cadre.waitForRequest(
          (r) =>
            r.url().includes('/cadres/me/contacts') &&
            decodeURIComponent(r.headers()['x-search-query'] ?? '') === name,
        );
        await cadre.locator('input[data-testid="cadres-search"]').fill(name);
        await byName;
        await toContainText(cadre.getByTestId('cadres-workspace'), name);
        assert.ok(urls.length > 0, 'the search asked the server');
        for (const u of urls) assert.ok(!decodeURIComponent(u).includes(name), u);
        assert.ok(!decodeURIComponent(cadre.url()).includes(name), cadre.url());
      } finally {
        await adminContext.close();
        await phoneContext.close();
      }
    }),
  );
});
