import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login, logout } from '../support/flows.mjs';
import { chooseOption } from '../support/organizations.mjs';

const TITLE = '克拉玛依市青年志愿者服务周启动';

/** The id of 克拉玛依市团委, through the page's session. */
async function karamayId(page) {
  return page.evaluate(async () => {
    const r = await fetch(`/api/v1/organizations/search?q=${encodeURIComponent('克拉玛依市团委')}`);
    return (await r.json()).items[0].id;
  });
}

describe('publishing (网上共青团)', () => {
  const suite = useSuite();

  test('a cadre writes and submits an article, the committee approves and publishes it', { timeout: TEST_TIMEOUT * 3 }, (t) =>
    suite.withPage(t, async (page) => {
      // The cadre, an editor of the demo's columns, writes in the rich-text editor.
      await login(page, 'cadre');
      const org = await karamayId(page);
      await page.goto(`/app/organizations/${org}/publishing`);
      await toBeVisible(page.getByTestId('publishing-page'));
      await toContainText(page.getByTestId('article-table'), '自治区城市共青团工作交流会在克拉玛依市顺利召开');
      await page.getByTestId('article-create').click();
      await toBeVisible(page.getByTestId('article-page'));
      await chooseOption(page, 'article-field-column_id', '群团工作 › 共青团工作');
      await page.getByTestId('article-field-title').fill(TITLE);
      await page.getByTestId('article-field-source').fill('克拉玛依团市委');
      const body = page.getByTestId('editor-content').locator('.tiptap');
      await body.click();
      await page.getByTestId('editor-h2').click();
      await page.keyboard.type('服务周安排');
      await page.keyboard.press('Enter');
      await page.keyboard.type('全市青年志愿者走进社区，开展便民服务。');
      await page.getByTestId('article-save').click();
      await toHavePath(page, /\/app\/publishing\/articles\/\d+$/);
      await toContainText(page.getByTestId('article-status'), '草稿');
      // The preview shows what the server keeps, at a phone's width.
      await page.getByTestId('article-preview').click();
      await toContainText(page.getByTestId('preview-frame'), '全市青年志愿者走进社区');
      await page.keyboard.press('Escape');
      await page.getByTestId('article-submit').click();
      await toContainText(page.getByTestId('article-status'), '待审核');
      assert.equal(await page.getByTestId('article-approve').count(), 0, 'the author cannot approve');
      const articleUrl = new URL(page.url()).pathname;
      await logout(page);

      // The committee admin finds it in the review queue, approves and publishes it.
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/publishing`);
      await page.getByTestId('article-filter-submitted').click();
      await toContainText(page.getByTestId('article-table'), TITLE);
      await page.goto(articleUrl);
      await page.getByTestId('article-approve').click();
      await toContainText(page.getByTestId('article-status'), '已通过');
      await page.getByTestId('article-publish').click();
      await toContainText(page.getByTestId('article-status'), '已发布');
      const publicUrl = await page.getByTestId('article-public-link').getAttribute('href');
      assert.match(publicUrl, /^\/site\/\d+\/articles\/\d+$/);

      // The public page: no session needed, strict CSP, the heading and text kept.
      const answer = await page.request.get(publicUrl);
      assert.equal(answer.status(), 200);
      const csp = answer.headers()['content-security-policy'];
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /script-src/);
      const html = await answer.text();
      assert.match(html, /<h2>服务周安排<\/h2>/);
      assert.doesNotMatch(html, /<script/i);
    }),
  );

  test('the seed article reads well on a phone and shares with a QR code', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await login(page, 'karamay-admin');
        const org = await karamayId(page);
        await page.context().clearCookies();
        await page.goto(`/site/${org}`);
        await page.getByRole('link', { name: '自治区城市共青团工作交流会在克拉玛依市顺利召开' }).first().click();
        await toBeVisible(page.locator('article.article h1'));
        await toContainText(page.locator('nav.crumbs'), '群团工作');
        const crumbs = await page.locator('nav.crumbs').textContent();
        assert.ok(!crumbs.includes('365'), `the breadcrumb is clean: ${crumbs}`);
        await toContainText(page.locator('.meta'), '克拉玛依团市委');
        await toContainText(page.locator('.editor'), '团委');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
        const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.body p')).fontSize));
        assert.ok(fontSize >= 16, `body text is ${fontSize}px`);
        const qr = page.locator('.share img');
        await toBeVisible(qr);
        assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code loads');
        assert.equal(await page.locator('meta[property="og:title"]').count(), 1);
      },
      { device: 'phone' },
    ),
  );
});
