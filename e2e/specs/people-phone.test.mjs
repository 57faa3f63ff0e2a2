import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { chooseOption, identityNumber, menuLabels, openOrganization, statValue } from '../support/organizations.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
}

describe('organization and people screens on a phone (390×844)', () => {
  const suite = useSuite();

  test('organization page, people cards, add a person, a transfer, import errors', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await login(page, 'karamay-admin');
        await page.getByTestId('open-nav').click();
        const labels = await menuLabels(page, page.locator('.app-shell__drawer'));
        assert.ok(labels.includes('组织关系转接'), labels.join(','));
        await page.keyboard.press('Escape');

        await openOrganization(page, '风云社区团支部', { phone: true });
        const members = await statValue(page, 'members');
        await toBeVisible(page.getByTestId('echart'));
        await noSidewaysScroll(page);
        await docScreenshot(page, 'organization-phone');

        // People as cards, not a wide table.
        await page.getByTestId('open-people').click();
        await toBeVisible(page.getByTestId('person-card'));
        assert.equal(await page.getByTestId('people-table').count(), 0);
        await noSidewaysScroll(page);
        await docScreenshot(page, 'people-phone');

        // Register a young person with the form at phone width.
        await page.getByTestId('add-person').click();
        const form = page.getByTestId('person-form');
        await page.getByTestId('person-kind-youth').click();
        await form.locator('input[data-testid="person-field-name"]').fill('手机登记青年');
        await form.locator('input[data-testid="person-field-birth_date"]').fill('2005-06-07');
        await form.getByText('男', { exact: true }).click();
        await form.locator('input[data-testid="person-field-phone"]').fill('123');
        await page.getByTestId('person-form-submit').click();
        await toBeVisible(form.locator('.el-form-item', { has: page.locator('input[data-testid="person-field-phone"]') }).locator('.el-form-item__error'));
        await form.locator('input[data-testid="person-field-phone"]').fill('13912345678');
        await page.getByTestId('person-form-submit').click();
        await toContainText(page.locator('.el-message--success'), '手机登记青年');

        // A transfer at phone width: start and accept.
        await page.goto(page.url().replace(/\/people.*$/, '/transfers'));
        await page.getByTestId('start-transfer').click();
        await chooseOption(page, 'transfer-person', '风云社区团支部');
        await chooseOption(page, 'transfer-to', '佳福小区团支部', { type: '佳福小区' });
        await page.getByTestId('transfer-submit').click();
        await toBeVisible(page.getByTestId('transfer-row'));
        await openOrganization(page, '佳福小区团支部', { phone: true });
        await page.getByTestId('open-transfers').click();
        await page.getByTestId('transfer-accept').first().click();
        await chooseOption(page, 'accept-branch', '佳福小区团支部');
        await page.getByTestId('accept-confirm').click();
        await toBeVisible(page.getByTestId('transfers-empty'));
        await openOrganization(page, '风云社区团支部', { phone: true });
        assert.equal(await statValue(page, 'members'), members - 1);

        // Import: bad rows listed as cards.
        await page.getByTestId('open-people').click();
        await page.getByTestId('open-import').click();
        await toHavePath(page, /\/import$/);
        const csv = ['姓名,性别,出生日期,身份证号码,类别', `手机导入,男,2004-02-02,${identityNumber('2004-02-02', 31)},青年`, '手机导入乙,未知,2004-02-03,,青年'].join('\n');
        await page.getByTestId('import-file').locator('input[type=file]').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await page.getByTestId('import-upload').click();
        await toContainText(page.getByTestId('import-error'), '', { timeout: 20_000 });
        await toContainText(page.getByTestId('import-error').first(), '第 3 行');
        await page.getByTestId('import-reset').click();
        await noSidewaysScroll(page);
      },
      { device: 'phone' },
    ),
  );
});
