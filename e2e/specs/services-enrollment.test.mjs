// Enrollment against a real server with the demo data, on a phone: a guardian enrolls a child
// into a class with one place (refused without the guardian's consent, the error beside the
// field); another family's child goes on the waitlist; the first family withdraws and the
// waitlisted child gets the place.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText } from '../support/expect.mjs';
import { DEMO_PASSWORD, login } from '../support/flows.mjs';
import { chooseOption } from '../support/organizations.mjs';

/** A childcare class of 克拉玛依市团委 with one session of one place; its id. */
async function classWithOnePlace(baseURL, name) {
  const ctx = await request.newContext({ baseURL });
  const s = await ctx.post('/api/v1/session', { data: { login: 'karamay-admin', password: DEMO_PASSWORD } });
  assert.equal(s.status(), 200);
  const headers = { 'X-CSRF-Token': (await s.json()).csrf_token };
  const dir = await ctx.get(`/api/v1/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
  const org = (await dir.json()).items[0].id;
  const service = await ctx.post(`/api/v1/organizations/${org}/services`, {
    headers,
    data: { name, category: 'childcare', description: '暑期托管', min_age: 6, max_age: 14, delivery: 'venue', kind: 'enrollment' },
  });
  assert.equal(service.status(), 201, await service.text());
  const id = (await service.json()).id;
  const session = await ctx.post(`/api/v1/services/${id}/sessions`, {
    headers,
    data: { name: '第一期', starts_on: '2027-07-05', ends_on: '2027-07-30', capacity: 1 },
  });
  assert.equal(session.status(), 201, await session.text());
  await ctx.dispose();
  return id;
}

async function enrollChild(page, service, child, { consent = true } = {}) {
  await page.goto(`/services/${service}`);
  await toBeVisible(page.getByTestId('enroll-form'));
  await chooseOption(page, 'enroll-session_id', '第一期');
  await page.locator('input[data-testid="enroll-participant_name"]').fill(child);
  await page.locator('input[data-testid="enroll-participant_birth_date"]').fill('2018-03-01');
  if (consent) await page.getByTestId('enroll-guardian_consent').click();
  await page.getByTestId('enroll-submit').click();
}

describe('services: enrollment', () => {
  const suite = useSuite();

  test('phone: consent, a full class, the waitlist and a withdrawal that promotes', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const name = `e2e 托管班 ${Date.now()}`;
    const service = await classWithOnePlace(suite.baseURL, name);
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'member');
        await enrollChild(page, service, '小明', { consent: false });
        await toContainText(page.getByTestId('enroll-form').locator('.el-form-item__error'), '监护人同意');
        await page.getByTestId('enroll-guardian_consent').click();
        await page.getByTestId('enroll-submit').click();
        await toContainText(page.locator('.el-message').last(), '报名成功');
      },
      { device: 'phone' },
    );
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await enrollChild(page, service, '小刚');
        await toContainText(page.locator('.el-message').last(), '候补第 1 位');
        await page.goto('/app/services/my-applications');
        const mine = page.getByTestId('my-enrollment').filter({ hasText: name });
        await toContainText(mine.getByTestId('my-enrollment-status'), '候补');
      },
      { device: 'phone' },
    );
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'member');
        await page.goto('/app/services/my-applications');
        const mine = page.getByTestId('my-enrollment').filter({ hasText: name });
        await toContainText(mine.getByTestId('my-enrollment-status'), '已报名');
        await mine.getByTestId('enrollment-withdraw').click();
        await toContainText(page.locator('.el-message').last(), '已退出报名');
        await toContainText(mine.getByTestId('my-enrollment-status'), '已退出');
      },
      { device: 'phone' },
    );
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto('/app/services/my-applications');
        const mine = page.getByTestId('my-enrollment').filter({ hasText: name });
        await toContainText(mine.getByTestId('my-enrollment-status'), '已报名');
        await page.goto('/app/notifications');
        await toContainText(page.locator('body'), '已从候补转为');
      },
      { device: 'phone' },
    );
  });
});
