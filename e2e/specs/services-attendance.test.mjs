// Attendance on a phone against a real server with the demo data: the manager opens a class's
// session from the service page, marks today (all present, then one child absent), saves, and
// finds the marks again after a reload; the figures screen shows the class's enrollment and
// attendance rate rolled up from the counters.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText } from '../support/expect.mjs';
import { DEMO_PASSWORD, login } from '../support/flows.mjs';

/** Today and a later day in China time, "YYYY-MM-DD". */
function chinaDay(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function signedIn(baseURL, login) {
  const ctx = await request.newContext({ baseURL });
  const s = await ctx.post('/api/v1/session', { data: { login, password: DEMO_PASSWORD } });
  assert.equal(s.status(), 200);
  return { ctx, headers: { 'X-CSRF-Token': (await s.json()).csrf_token } };
}

/** A class of 克拉玛依市团委 whose session starts today, with two children enrolled. */
async function classRunningToday(baseURL, name) {
  const admin = await signedIn(baseURL, 'karamay-admin');
  const dir = await admin.ctx.get(`/api/v1/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
  const org = (await dir.json()).items[0].id;
  const service = await admin.ctx.post(`/api/v1/organizations/${org}/services`, {
    headers: admin.headers,
    data: { name, category: 'childcare', description: '暑期托管', min_age: 6, max_age: 14, delivery: 'venue', kind: 'enrollment' },
  });
  assert.equal(service.status(), 201, await service.text());
  const id = (await service.json()).id;
  const session = await admin.ctx.post(`/api/v1/services/${id}/sessions`, {
    headers: admin.headers,
    data: { name: '本期', starts_on: chinaDay(), ends_on: chinaDay(20), capacity: 10 },
  });
  assert.equal(session.status(), 201, await session.text());
  const sessionId = (await session.json()).id;
  await admin.ctx.dispose();
  const guardian = await signedIn(baseURL, 'member');
  for (const child of ['小雨', '小杰']) {
    const r = await guardian.ctx.post(`/api/v1/sessions/${sessionId}/enrollments`, {
      headers: guardian.headers,
      data: { participant_name: child, participant_birth_date: '2018-03-01', guardian_consent: true },
    });
    assert.equal(r.status(), 201, await r.text());
  }
  await guardian.ctx.dispose();
  return { id, org };
}

describe('services: attendance', () => {
  const suite = useSuite();

  test('phone: the manager marks today, the marks stay, the figures count them', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const name = `e2e 考勤班 ${Date.now()}`;
    const { id, org } = await classRunningToday(suite.baseURL, name);
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'karamay-admin');
        await page.goto(`/services/${id}`);
        await page.getByTestId('session-attendance-link').click();
        await toBeVisible(page.getByTestId('attendance-page'));
        const rows = page.getByTestId('attendance-row');
        await toContainText(rows.first(), '小雨');
        assert.equal(await rows.count(), 2);
        await toContainText(page.getByTestId('attendance-summary'), '出勤 0 / 已记 0');
        await page.getByTestId('attendance-all').click();
        await rows.nth(1).getByText('缺勤').click();
        await toContainText(page.getByTestId('attendance-summary'), '出勤 1 / 已记 2');
        await page.getByTestId('attendance-save').click();
        await toContainText(page.locator('.el-message').last(), '已保存');
        await page.reload();
        await toContainText(page.getByTestId('attendance-summary'), '出勤 1 / 已记 2');
        await toBeVisible(rows.nth(1).locator('.el-radio-button.is-active', { hasText: '缺勤' }));
      },
      { device: 'phone' },
    );
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/satisfaction`);
      const row = page.getByTestId('enrollment-service').filter({ hasText: name });
      await toContainText(row, '报名 2，候补 0，出勤率 50%');
      await toBeVisible(page.getByTestId('enrollment-figures').locator('canvas, svg').first());
    });
  });
});
