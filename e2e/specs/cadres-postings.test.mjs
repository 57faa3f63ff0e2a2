import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { PHONE } from '../support/browser.mjs';

/** A JSON GET through the page's session. */
async function apiGet(page, path) {
  return page.evaluate(async (path) => (await fetch(`/api/v1${path}`)).json(), path);
}

async function number(page, testid) {
  const card = page.getByTestId(testid);
  await toBeVisible(card);
  return (await card.locator('strong').textContent()).trim();
}

/** Chooses in a remote-search select once the answer to the typed text has replaced the list. */
async function chooseFound(page, testid, typed, text) {
  await page.getByTestId(testid).click();
  await page.keyboard.type(typed);
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text });
  await toBeVisible(option.first());
  await page.waitForTimeout(800); // the search of each keystroke answers in turn
  await option.first().click();
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('cadres: targets and "8+4" postings', () => {
  const suite = useSuite();

  test('a committee admin sets the contact target and the quota figures follow it', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      const karamay = (await apiGet(page, `/organizations/search?q=${encodeURIComponent('克拉玛依市团委')}`)).items[0];
      await page.goto(`/app/organizations/${karamay.id}/cadres`);
      await toContainText(page.getByTestId('cadres-target-contacts'), '100');
      await toContainText(page.getByTestId('cadres-target-contacts'), '平台默认');
      const atQuota = Number(await number(page, 'cadres-figure-at_quota'));

      // Two contacts are enough here: the demo cadre (two contacts) reaches the quota.
      await page.getByTestId('cadres-targets-edit').click();
      const dialog = page.getByTestId('cadres-targets-dialog');
      await toBeVisible(dialog);
      await dialog.locator('[data-testid="cadres-targets-contact_target"] input').fill('2');
      await page.getByTestId('cadres-targets-dialog-submit').click();
      await toContainText(page.getByTestId('cadres-target-contacts'), '本组织设置');
      await toContainText(page.getByTestId('cadres-target-contacts'), '2');
      assert.equal(Number(await number(page, 'cadres-figure-at_quota')), atQuota + 1);

      // Emptied, the target is inherited again: the platform default, the quota with it.
      await page.getByTestId('cadres-targets-edit').click();
      await page.locator('[data-testid="cadres-targets-contact_target"] input').fill('');
      await page.getByTestId('cadres-targets-dialog-submit').click();
      await toContainText(page.getByTestId('cadres-target-contacts'), '平台默认');
      assert.equal(Number(await number(page, 'cadres-figure-at_quota')), atQuota);
      const settings = await apiGet(page, `/organizations/${karamay.id}/cadres/settings`);
      assert.equal(settings.own.contact_target, null);
    }),
  );

  test('a committee plans a posting on a desk, the cadre logs and reports on a phone, the committee confirms', { timeout: TEST_TIMEOUT * 3 }, (t) =>
    suite.withPage(t, async (admin, context) => {
      const browser = context.browser();
      const phoneContext = await browser.newContext({ ...PHONE, baseURL: suite.baseURL });
      try {
        await login(admin, 'karamay-admin');
        const karamay = (await apiGet(admin, `/organizations/search?q=${encodeURIComponent('克拉玛依市团委')}`)).items[0];
        await admin.goto(`/app/organizations/${karamay.id}/cadres-postings`);
        await toBeVisible(admin.getByTestId('cadres-postings'));
        const postingsBefore = Number(await number(admin, 'postings-figure-postings'));

        const phone = await phoneContext.newPage();
        await login(phone, 'cadre');
        const me = await apiGet(phone, '/cadres/me');
        const today = me.period.as_of;

        // Plan: the demo cadre to 风云社区团支部, from five days ago for a month.
        await admin.getByTestId('posting-plan').click();
        const dialog = admin.getByTestId('posting-plan-dialog');
        await toBeVisible(dialog);
        await chooseFound(admin, 'posting-plan-person_id', me.cadre.name, me.cadre.name);
        await chooseFound(admin, 'posting-plan-host_organization_id', '风云社区团支部', '风云社区团支部');
        const date = (label) => dialog.locator('.el-form-item', { hasText: label }).locator('input');
        await date('开始日期').fill(addDays(today, -5));
        await date('结束日期').fill(addDays(today, 25));
        await dialog.locator('.el-form-item', { hasText: '下沉任务' }).locator('textarea').fill('协助风云社区团支部开展青年志愿服务');
        await admin.getByTestId('posting-plan-dialog-submit').click();
        await toContainText(admin.locator('.el-table__row', { hasText: me.cadre.name }), '风云社区团支部');
        assert.equal(Number(await number(admin, 'postings-figure-postings')), postingsBefore + 1);

        // The cadre, on a phone: log today's work, then write the report.
        await phone.goto('/app/my-postings');
        const card = phone.locator('[data-testid="my-posting"]', { hasText: '风云社区团支部' });
        await toBeVisible(card);
        await card.getByTestId('posting-log').click();
        const logDialog = phone.getByTestId('posting-log-dialog');
        await toBeVisible(logDialog);
        await logDialog.locator('.el-form-item', { hasText: '做了什么' }).locator('textarea').fill('走访社区青年，了解就业需求');
        await phone.getByTestId('posting-log-dialog-submit').click();
        await toContainText(card.getByTestId('posting-open'), '1');
        await card.getByTestId('posting-open').click();
        await toContainText(card.getByTestId('posting-log-entries'), '走访社区青年');
        await card.getByTestId('posting-report').click();
        await phone.getByTestId('posting-report-dialog').locator('textarea').fill('一个月走访青年 20 人，协助开展活动 2 次。');
        await phone.getByTestId('posting-report-dialog-submit').click();
        await toContainText(card.getByTestId('posting-state'), '已报告');
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `my postings is ${overflow}px wider than the phone`);

        // The committee (covering the host) confirms the report.
        await admin.reload();
        const row = admin.locator('.el-table__row', { hasText: me.cadre.name });
        await row.getByTestId('posting-confirm').click();
        await toContainText(admin.locator('.el-table__row', { hasText: me.cadre.name }), '已确认');
      } finally {
        await phoneContext.close();
      }
    }),
  );

  test('a committee admin cancels a planned posting with a reason; the button follows can.cancel', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      const karamay = (await apiGet(page, `/organizations/search?q=${encodeURIComponent('克拉玛依市团委')}`)).items[0];
      await page.goto(`/app/organizations/${karamay.id}/cadres-postings`);
      // The demo's posting to 佳福小区: planned, not yet ended, no report.
      const row = page.locator('.el-table__row', { hasText: '佳福小区团支部' });
      await row.getByTestId('posting-cancel').click();
      const dialog = page.getByTestId('posting-cancel-dialog');
      await toBeVisible(dialog);
      await dialog.locator('textarea').fill('社区换届，改派其他团干部');
      await page.getByTestId('posting-cancel-dialog-submit').click();
      await toContainText(row, '已取消');
      assert.equal(await row.getByTestId('posting-cancel').count(), 0);
      const posting = (await apiGet(page, `/organizations/${karamay.id}/cadres/postings`)).items.find((p) => p.host_name === '佳福小区团支部');
      assert.equal(posting.status, 'cancelled');
      assert.equal(posting.cancel_reason, '社区换届，改派其他团干部');
      assert.equal(posting.can.cancel, false);
    }),
  );
});
