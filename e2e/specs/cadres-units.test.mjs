import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { chooseOption } from '../support/organizations.mjs';
import { PHONE } from '../support/browser.mjs';

/** The served unit's card on 我服务的单位. */
const unitCard = (page, name) => page.locator('[data-testid="my-unit"]', { hasText: name });

/** Logs a service from a unit's card: today, `hours`, what was done. */
async function logService(page, name, hours, what) {
  await unitCard(page, name).getByTestId('unit-log').click();
  const dialog = page.getByTestId('unit-service-dialog');
  await toBeVisible(dialog);
  await dialog.locator('[data-testid="unit-service-hours"] input').fill(String(hours));
  await dialog.locator('[data-testid="unit-service-what"]').fill(what);
  await page.getByTestId('unit-service-dialog-submit').click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('cadres: "4+1" served units', () => {
  const suite = useSuite();

  test('the cadre registers with a unit and logs services on a phone; the summary follows the secretary', { timeout: TEST_TIMEOUT * 3 }, (t) =>
    suite.withPage(t, async (desk, context) => {
      const phoneContext = await context.browser().newContext({ ...PHONE, baseURL: suite.baseURL });
      try {
        const phone = await phoneContext.newPage();
        await login(phone, 'cadre');
        await phone.goto('/app/my-units');
        await toBeVisible(phone.getByTestId('my-units'));
        // The demo's 克拉玛依市团委 cadre serves no unit yet.
        await toBeVisible(phone.getByText('尚未登记服务的基层单位'));

        // Register with two units, each found by name: a card each, nothing logged this year.
        for (const [typed, name] of [['汉博中央广场', '汉博中央广场非公企业团支部'], ['风云社区', '风云社区团支部']]) {
          await phone.getByTestId('unit-register').click();
          await toBeVisible(phone.getByTestId('unit-register-dialog'));
          await chooseOption(phone, 'unit-register-unit_id', name, { type: typed });
          await phone.getByTestId('unit-register-dialog-submit').click();
          await toContainText(unitCard(phone, name).getByTestId('unit-year'), '服务 0 次');
        }
        const hanbo = unitCard(phone, '汉博中央广场非公企业团支部');

        // Log a service to one: waiting for the unit's confirmation.
        await logService(phone, '汉博中央广场非公企业团支部', 1.5, '为企业青年讲解创业扶持政策');
        await toContainText(hanbo.getByTestId('unit-year'), '服务 1 次');
        await toContainText(hanbo.getByTestId('unit-year'), '待确认 1');
        await toContainText(hanbo.getByTestId('unit-service'), '为企业青年讲解创业扶持政策');
        await toContainText(hanbo.getByTestId('unit-service'), '待确认');

        // A service to 风云社区, which its secretary confirms on a desk.
        const fengyun = unitCard(phone, '风云社区团支部');
        await logService(phone, '风云社区团支部', 3, '组织社区青年读书会');
        await toContainText(fengyun.getByTestId('unit-service').filter({ hasText: '组织社区青年读书会' }), '待确认');
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `我服务的单位 is ${overflow}px wider than the phone`);

        await login(desk, 'branch-secretary');
        await desk.getByTestId('side-nav').locator('.el-menu-item', { hasText: '服务确认' }).click();
        await toBeVisible(desk.getByTestId('unit-confirmations'));
        // The unit's queue (waiting services): the cadre's new one, confirmed, leaves it.
        const row = desk.locator('.el-table__row', { hasText: '组织社区青年读书会' });
        await toBeVisible(row);
        await row.getByTestId('unit-service-confirm').click();
        await toBeHidden(row);

        // Back on the phone: the year's summary counts the confirmed hours.
        await phone.reload();
        await toContainText(fengyun.getByTestId('unit-service').filter({ hasText: '组织社区青年读书会' }), '已确认');
        await toContainText(fengyun.getByTestId('unit-year'), '服务 1 次 · 已确认 3 小时 · 待确认 0');
        await toContainText(hanbo.getByTestId('unit-year'), '已确认 0 小时 · 待确认 1');
      } finally {
        await phoneContext.close();
      }
    }),
  );
});
