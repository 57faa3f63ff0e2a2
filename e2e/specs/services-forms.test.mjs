// The form builder and file answers against a real server with the demo data: the city's admin
// builds a service's application form on a desk (text, choice, file; required; order), a young
// person answers it on a phone with a PDF, and both download the file from the application.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { DEMO_PASSWORD, login } from '../support/flows.mjs';
import { chooseOption } from '../support/organizations.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A new application service of 克拉玛依市团委 (one open question), made through the API. */
async function makeService(baseURL, name) {
  const ctx = await request.newContext({ baseURL });
  const s = await ctx.post('/api/v1/session', { data: { login: 'karamay-admin', password: DEMO_PASSWORD } });
  assert.equal(s.status(), 200);
  const { csrf_token: csrf } = await s.json();
  const r = await ctx.get(`/api/v1/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
  const org = (await r.json()).items[0].id;
  const created = await ctx.post(`/api/v1/organizations/${org}/services`, {
    headers: csrf ? { 'X-CSRF-Token': csrf } : {},
    data: {
      name,
      category: 'entrepreneurship',
      description: '项目诊断',
      delivery: 'online',
      kind: 'applications',
      questions: [{ key: 'need', label: '需要什么帮助', type: 'text', required: true }],
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = await created.json();
  await ctx.dispose();
  return id;
}

describe('service forms', () => {
  const suite = useSuite();

  const name = `e2e 创业计划评审 ${Date.now()}`;
  let id = 0;

  test('desk: a handler builds the application form', { timeout: TEST_TIMEOUT }, async (t) => {
    id = await makeService(suite.baseURL, name);
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/services/${id}`);
      await page.getByTestId('service-builder-link').click();
      await toHavePath(page, `/app/services/${id}/questions`);
      await toBeVisible(page.getByTestId('builder-row-0'));
      // A file question first, then a required choice; then the file moves below the choice.
      await page.getByTestId('builder-add').click();
      await page.locator('input[data-testid="builder-label-1"]').fill('商业计划书');
      await chooseOption(page, 'builder-type-1', '文件');
      await page.getByTestId('builder-row-1').locator('.el-switch').click();
      await page.getByTestId('builder-add').click();
      await page.locator('input[data-testid="builder-label-2"]').fill('项目阶段');
      await chooseOption(page, 'builder-type-2', '选择');
      await page.getByTestId('builder-row-2').locator('.el-switch').click();
      // Saved without choices: the server names the row's field.
      await page.getByTestId('builder-save').click();
      await toBeVisible(page.getByTestId('builder-row-2').locator('.el-form-item__error'));
      await toBeVisible(page.getByTestId('builder-error'));
      await page.locator('textarea[data-testid="builder-options-2"]').fill('想法\n筹备\n运营');
      await page.getByTestId('builder-up-2').click();
      await page.getByTestId('builder-save').click();
      await toContainText(page.locator('.el-message').last(), '申请表已保存');
      await page.reload();
      await toBeVisible(page.getByTestId('builder-row-2'));
      assert.equal(await page.locator('input[data-testid="builder-label-1"]').inputValue(), '项目阶段');
      assert.equal(await page.locator('input[data-testid="builder-label-2"]').inputValue(), '商业计划书');
    });

  });

  test('phone: a young person answers it with a file; the handler downloads it', { timeout: TEST_TIMEOUT }, async (t) => {
    assert.ok(id, 'the form was built');
    let applicationPath = '';
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto(`/services/${id}`);
        await toBeVisible(page.getByTestId('apply-form'));
        await page.locator('input[data-testid="answer-need"]').fill('找导师看看计划');
        // Keys are the builder's: need (the first), q2 (the file), q3 (the choice, moved up).
        await chooseOption(page, 'answer-q3', '筹备');
        // Markup named .pdf is refused by its bytes, beside the question.
        await page.locator('input[data-testid="answer-q2"]').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script>') });
        await toBeVisible(page.getByTestId('apply-form').locator('.el-form-item__error'));
        await page.locator('input[data-testid="answer-q2"]').setInputFiles({ name: '计划书.pdf', mimeType: 'application/pdf', buffer: PDF });
        await toContainText(page.getByTestId('answer-q2-done'), '计划书.pdf');
        await page.getByTestId('apply-submit').click();
        await toHavePath(page, '/app/services/my-applications');
        await page.getByTestId('my-application-card').filter({ hasText: name }).getByTestId('application-open').click();
        await toHavePath(page, /^\/app\/services\/applications\/\d+$/);
        applicationPath = new URL(page.url()).pathname;
        const link = page.getByTestId('application-file-q2');
        await toContainText(link, '计划书.pdf');
        const file = await page.request.get(await link.getAttribute('href'));
        assert.equal(file.status(), 200);
        assert.equal(file.headers()['content-type'], 'application/pdf');
        assert.deepEqual(await file.body(), PDF);
      },
      { device: 'phone' },
    );
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(applicationPath);
      const link = page.getByTestId('application-file-q2');
      await toContainText(link, '计划书.pdf');
      assert.equal((await page.request.get(await link.getAttribute('href'))).status(), 200);
    });
  });
});
