// Messages and rating on an application against a real server with the demo data: a young
// person writes to the handler on a phone, the city's admin answers on a desk, the applicant
// rates the completed service and the admin sees it in the satisfaction figures.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText } from '../support/expect.mjs';
import { DEMO_PASSWORD, login } from '../support/flows.mjs';

async function signedIn(baseURL, who) {
  const ctx = await request.newContext({ baseURL });
  const s = await ctx.post('/api/v1/session', { data: { login: who, password: DEMO_PASSWORD } });
  assert.equal(s.status(), 200);
  return { ctx, headers: { 'X-CSRF-Token': (await s.json()).csrf_token } };
}

describe('services: messages and rating', () => {
  const suite = useSuite();

  test('phone and desk: a message each way, completion, a rating, the figures', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const name = `e2e 法律咨询 ${Date.now()}`;
    const admin = await signedIn(suite.baseURL, 'karamay-admin');
    const dir = await admin.ctx.get(`/api/v1/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
    const org = (await dir.json()).items[0].id;
    const created = await admin.ctx.post(`/api/v1/organizations/${org}/services`, {
      headers: admin.headers,
      data: { name, category: 'legal', description: '劳动合同咨询', delivery: 'online', kind: 'applications', questions: [{ key: 'need', label: '咨询事项', type: 'text', required: true }] },
    });
    assert.equal(created.status(), 201, await created.text());
    const youth = await signedIn(suite.baseURL, 'youth');
    const applied = await youth.ctx.post(`/api/v1/services/${(await created.json()).id}/applications`, { headers: youth.headers, data: { answers: { need: '试用期工资' } } });
    assert.equal(applied.status(), 201, await applied.text());
    const id = (await applied.json()).id;
    await youth.ctx.dispose();

    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto('/app/services/my-applications');
        await page.getByTestId('my-application-card').filter({ hasText: name }).getByTestId('application-open').click();
        await toContainText(page.getByTestId('application-page'), '试用期工资');
        await page.locator('textarea[data-testid="message-body"]').fill('试用期可以不签合同吗？');
        await page.getByTestId('message-send').click();
        await toContainText(page.getByTestId('application-message').last(), '试用期可以不签合同吗？');
      },
      { device: 'phone' },
    );
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/applications`);
      await page.locator('tr', { hasText: name }).getByTestId('application-open').click();
      await toContainText(page.getByTestId('application-messages'), '试用期可以不签合同吗？');
      await page.locator('textarea[data-testid="message-body"]').fill('必须签订书面劳动合同。');
      await page.getByTestId('message-send').click();
      await toContainText(page.getByTestId('application-message').last(), '承办方');
    });
    for (const verb of ['accept', 'start', 'complete']) {
      const r = await admin.ctx.post(`/api/v1/applications/${id}/${verb}`, { headers: admin.headers });
      assert.equal(r.status(), 200, await r.text());
    }
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto(`/app/services/applications/${id}`);
        await toContainText(page.getByTestId('application-messages'), '必须签订书面劳动合同。');
        await toContainText(page.getByTestId('application-page-status'), '已办结');
        await page.getByTestId('rating-score-5').click();
        await page.locator('textarea[data-testid="rating-comment"]').fill('回答很清楚');
        await page.getByTestId('rating-submit').click();
        await toContainText(page.getByTestId('application-rating'), '回答很清楚');
      },
      { device: 'phone' },
    );
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/applications`);
      await page.getByTestId('applications-satisfaction').click();
      await toContainText(page.getByTestId('satisfaction-service').filter({ hasText: name }), '1');
      await toBeVisible(page.locator('[data-testid="satisfaction-page"] canvas'));
      const download = page.waitForEvent('download');
      await page.getByTestId('satisfaction-export').click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^服务满意度.*\.xlsx$/);
    });
    await admin.ctx.dispose();
  });
});
