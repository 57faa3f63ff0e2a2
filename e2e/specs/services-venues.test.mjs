// Services and venues against a real server with the demo data: a young person books a room of
// 克拉玛依市青年空间 on a phone and the city's admin approves it; a young person applies for a
// social-work service on a phone and the admin takes it to completed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { DEMO_PASSWORD, login } from '../support/flows.mjs';
import { chooseOption } from '../support/organizations.mjs';

const VENUE = '克拉玛依市青年空间';
const SERVICE = '青少年社工个案服务';

async function karamayId(baseURL) {
  const ctx = await request.newContext({ baseURL });
  const s = await ctx.post('/api/v1/session', { data: { login: 'karamay-admin', password: DEMO_PASSWORD } });
  assert.equal(s.status(), 200);
  const r = await ctx.get(`/api/v1/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
  const { items } = await r.json();
  await ctx.dispose();
  return items[0].id;
}

/** Tomorrow's date in China time. */
function tomorrow() {
  return new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
}

describe('services and venues', () => {
  const suite = useSuite();

  test('phone: a young person books a room; the manager approves it', { timeout: TEST_TIMEOUT }, async (t) => {
    const purpose = `e2e 读书会 ${Date.now()}`;
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto('/venues');
        await page.getByTestId('venue-card').filter({ hasText: VENUE }).getByText(VENUE).click();
        await toHavePath(page, /^\/venues\/\d+$/);
        await toContainText(page.getByTestId('venue-name'), VENUE);
        await toBeVisible(page.getByTestId('venue-days'));
        await chooseOption(page, 'booking-field-room_id', '研讨室');
        await page.locator('input[data-testid="booking-field-date"]').fill(tomorrow());
        await page.locator('input[data-testid="booking-field-from"]').fill('15:00');
        await page.locator('input[data-testid="booking-field-to"]').fill('16:00');
        await page.locator('input[data-testid="booking-field-purpose"]').fill(purpose);
        await page.getByTestId('booking-submit').click();
        await toContainText(page.locator('.el-message'), '等待审批');
        await page.goto('/app/venues/my-bookings');
        await toContainText(page.getByTestId('my-booking-card').first(), '待审批');
      },
      { device: 'phone' },
    );
    const org = await karamayId(suite.baseURL);
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/bookings`);
      const row = page.locator('tr', { hasText: purpose });
      await toBeVisible(row);
      await row.getByTestId('booking-approve').click();
      await toContainText(page.locator('.el-message'), '已批准');
      await chooseOption(page, 'bookings-status', '已批准');
      await toContainText(page.locator('tr', { hasText: purpose }).getByTestId('booking-status'), '已批准');
    });
  });

  test('phone: an application goes from submitted to completed', { timeout: TEST_TIMEOUT }, async (t) => {
    const need = `e2e 需要学业辅导 ${Date.now()}`;
    await suite.withPage(
      t,
      async (page) => {
        await page.goto('/services');
        await page.getByTestId('catalog-card').filter({ hasText: SERVICE }).getByText(SERVICE).click();
        await toHavePath(page, /^\/services\/\d+$/);
        await toBeVisible(page.getByTestId('service-login'));
      },
      { device: 'phone' },
    );
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto('/services');
        await page.getByTestId('catalog-card').filter({ hasText: SERVICE }).getByText(SERVICE).click();
        await toBeVisible(page.getByTestId('apply-form'));
        await page.locator('input[data-testid="answer-need"]').fill(need);
        await page.getByTestId('apply-submit').click();
        await toHavePath(page, '/app/services/my-applications');
        await toContainText(page.getByTestId('my-application-card').first(), '已提交');
      },
      { device: 'phone' },
    );
    const org = await karamayId(suite.baseURL);
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/applications`);
      for (const [verb, done] of [['accept', '已受理'], ['start', '已开始服务'], ['complete', '已办结']]) {
        if (verb !== 'accept') await chooseOption(page, 'applications-status', verb === 'start' ? '已受理' : '服务中');
        const row = page.locator('tr', { hasText: need });
        await toBeVisible(row);
        await row.getByTestId(`application-${verb}`).click();
        await toContainText(page.locator('.el-message').last(), done);
      }
    });
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto('/app/services/my-applications');
        await toContainText(page.getByTestId('my-application-card').filter({ hasText: need }), '已办结');
      },
      { device: 'phone' },
    );
  });
});
