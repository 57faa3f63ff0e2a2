import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login, logout } from '../support/flows.mjs';
import { requestNameCorrection } from '../support/people.mjs';

/** The count of one to-do on the workbench (工作台). */
async function workCount(page, key) {
  const row = page.getByTestId(`work-${key}`);
  await toBeVisible(row);
  return Number((await row.getByTestId('work-count').textContent()).trim());
}

describe('the workbench (工作台)', () => {
  const suite = useSuite();

  test('a correction the branch asks for is on the city admin’s workbench and approved from the corrections screen', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      const before = await workCount(page, 'people.corrections');
      await toBeVisible(page.getByTestId('work-figures'));
      await logout(page);

      await login(page, 'branch-secretary');
      assert.equal(await page.getByTestId('work-people.corrections').count(), 0, 'a secretary decides no correction');
      await requestNameCorrection(page, '风云社区团支部', '更正后姓名', '户口本上的姓名');
      // The secretary sees the request waiting, without buttons to decide it.
      await page.getByTestId('side-nav').getByText('信息更正').click();
      await toContainText(page.getByTestId('corrections-table'), '更正后姓名');
      assert.equal(await page.getByTestId('correction-approve').count(), 0);
      await logout(page);

      await login(page, 'karamay-admin');
      assert.equal(await workCount(page, 'people.corrections'), before + 1);
      await page.getByTestId('work-people.corrections').getByRole('link').click();
      await toHavePath(page, /\/corrections$/);
      await toContainText(page.getByTestId('corrections-table'), '更正后姓名');
      assert.equal(await page.getByTestId('correction-approve').count(), 1, 'the one correction waiting');
      await page.getByTestId('correction-approve').click();
      await page.locator('.el-message-box').getByRole('button', { name: '通过' }).click();
      await toContainText(page.locator('.el-message--success'), '已通过更正');
      await toBeHidden(page.getByTestId('correction-row').filter({ hasText: '更正后姓名' }));
      await page.getByTestId('correction-status-filter').click();
      await page.locator('.el-select-dropdown__item').filter({ hasText: '已通过' }).click();
      await toContainText(page.getByTestId('corrections-table'), '更正后姓名');
      await page.getByTestId('correction-person').filter({ hasText: /.+/ }).first().click();
      await toContainText(page.getByTestId('person-page'), '更正后姓名');
    }),
  );

  test('a young person’s workbench on a phone lists their coming shifts and no leader work', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await toBeVisible(page.getByTestId('work-volunteering.my_shifts'));
        await toBeVisible(page.getByTestId('work-figures'));
        for (const key of ['people.transfers_in', 'people.transfers_out', 'people.corrections', 'volunteering.hours_to_confirm']) {
          assert.equal(await page.getByTestId(`work-${key}`).count(), 0, key);
        }
        assert.equal(await page.getByTestId('work-overdue').count(), 0);
      },
      { device: 'phone' },
    ),
  );

  test('a branch secretary’s transfers out are a to-do that opens the outgoing list', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'branch-secretary');
      await toBeVisible(page.getByTestId('work-people.transfers_out'));
      await toBeVisible(page.getByTestId('work-volunteering.hours_to_confirm'));
      await page.getByTestId('work-people.transfers_out').getByRole('link').click();
      await toHavePath(page, /\/transfers\?direction=outgoing$/);
      await toBeVisible(page.getByTestId('transfers-page'));
      assert.equal(await page.getByTestId('transfers-outgoing').locator('input').isChecked(), true);
    }),
  );
});
