import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login, logout, switchLanguage } from '../support/flows.mjs';
import { menuLabels, openOrganization, statValue } from '../support/organizations.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

async function poll(check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const MENU = { orgs: '组织', people: '团员与青年', transfers: '组织关系转接', import: '批量导入' };

// Each demo role: the organization it is granted and the entries of the side navigation.
const ROLES = [
  { login: 'region-admin', org: '新疆维吾尔自治区团委', menus: ['orgs', 'people', 'transfers', 'import'] },
  { login: 'karamay-admin', org: '克拉玛依市团委', menus: ['orgs', 'people', 'transfers', 'import'] },
  { login: 'branch-secretary', org: '风云社区团支部', menus: ['orgs', 'people', 'transfers', 'import'] },
  { login: 'cadre', org: '克拉玛依市团委', menus: ['orgs', 'people'] },
  { login: 'member', org: '风云社区团支部', menus: ['orgs'] },
  { login: 'youth', org: '风云社区团支部', menus: ['orgs'] },
];

describe('organization screens', () => {
  const suite = useSuite();

  test('each demo role sees its organization and its menus', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      for (const role of ROLES) {
        await login(page, role.login);
        await toContainText(page.getByTestId('current-organization'), role.org);
        const labels = await menuLabels(page);
        for (const [key, label] of Object.entries(MENU)) {
          assert.equal(labels.includes(label), role.menus.includes(key), `${role.login}: menu ${label} in ${labels}`);
        }
        // The "Organizations" entry opens the granted organization's page.
        await page.getByTestId('side-nav').locator('.el-menu-item', { hasText: MENU.orgs }).first().click();
        await toContainText(page.getByTestId('organization-name'), role.org);
        await toBeVisible(page.getByTestId('stat-members'));
        const canCreate = role.login.endsWith('-admin');
        assert.equal(await page.getByTestId('create-child').count(), canCreate ? 1 : 0, role.login);
        await logout(page);
      }
    }),
  );

  test('browse the tree lazily, search it, and read an organization page', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'region-admin');
      const nav = page.getByTestId('org-navigator');
      // Children appear only on expand, one level at a time.
      assert.equal(await nav.getByText('克拉玛依市团委', { exact: true }).count(), 0);
      await nav.locator('.el-tree-node__expand-icon').first().click();
      await toBeVisible(nav.getByText('克拉玛依市团委', { exact: true }));
      const karamay = nav.locator('.el-tree-node', { has: page.getByText('克拉玛依市团委', { exact: true }) }).last();
      await karamay.locator('.el-tree-node__expand-icon').first().click();
      await toBeVisible(nav.getByText('克拉玛依区团委', { exact: true }));
      await nav.getByText('克拉玛依市团委', { exact: true }).click();
      await toContainText(page.getByTestId('organization-name'), '克拉玛依市团委');
      await toBeVisible(page.getByTestId('echart'));
      assert.ok((await statValue(page, 'members')) > 0);
      await page.getByRole('tab', { name: '下级组织' }).click();
      await toContainText(page.getByTestId('children-table'), '克拉玛依区团委');

      // Search, then the coverage units with the covered/uncovered filter; link one.
      await openOrganization(page, '克拉玛依高新技术产业开发区团工委');
      await openOrganization(page, '天山街道团工委');
      await page.getByRole('tab', { name: '覆盖面' }).click();
      const table = page.getByTestId('coverage-table');
      await toContainText(table, '乐龄社工服务社');
      assert.equal(await table.locator('tbody tr').count(), 4);
      await page.getByTestId('coverage-filter-uncovered').click();
      await toContainText(table, '未覆盖');
      await poll(async () => (await table.locator('tbody tr').count()) === 2);
      await table.locator('tr', { hasText: '乐龄社工服务社' }).getByRole('button', { name: '关联组织' }).click();
      const picker = page.getByTestId('org-picker');
      await picker.locator('input[data-testid="org-picker-search"]').fill('风云社区');
      await picker.getByText('风云社区团支部', { exact: true }).click();
      await page.getByTestId('org-picker-confirm').click();
      await poll(async () => (await table.locator('tbody tr').count()) === 1);
      await page.getByTestId('coverage-filter-covered').click();
      await toContainText(table, '风云社区团支部');
      await page.getByRole('tab', { name: '概况' }).click();
      await toBeHidden(page.locator('.el-message'));
      await docScreenshot(page, 'organization-desktop');
    }),
  );

  test('karamay-admin registers and edits a coverage unit from the coverage tab; a bad one is refused beside its field', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openOrganization(page, '天山街道团工委');
      await page.getByRole('tab', { name: '覆盖面' }).click();
      const table = page.getByTestId('coverage-table');
      await toContainText(table, '乐龄社工服务社');
      const before = await table.locator('tbody tr').count();
      await page.getByTestId('coverage-add').click();
      const form = page.getByTestId('coverage-unit-form');
      await toBeVisible(form);
      // No kind chosen: the server names the field.
      await form.locator('input[data-testid="coverage-unit-name"]').fill('天山示例科技有限公司');
      await page.getByTestId('coverage-unit-form-submit').click();
      const kindItem = form.locator('.el-form-item', { has: page.getByTestId('coverage-unit-kind') });
      await toBeVisible(kindItem.locator('.el-form-item__error'));
      await form.getByText('非公企业', { exact: true }).click();
      await page.getByTestId('coverage-unit-form-submit').click();
      await toContainText(table, '天山示例科技有限公司');
      await poll(async () => (await table.locator('tbody tr').count()) === before + 1);
      // Edit what the tab shows: the young employees of the new unit.
      await table.locator('tr', { hasText: '天山示例科技有限公司' }).getByTestId('coverage-edit').click();
      await toBeVisible(form);
      await form.locator('input[data-testid="coverage-unit-name"]').fill('天山示例科技股份公司');
      await page.getByTestId('coverage-unit-form-submit').click();
      await toContainText(table, '天山示例科技股份公司');
      await page.getByTestId('coverage-filter-uncovered').click();
      await toContainText(table, '天山示例科技股份公司');
      // Each child's coverage from its counters, in a table of its own.
      const children = page.getByTestId('coverage-children-table');
      await toContainText(children, '风云社区团支部');
      await toContainText(children, '覆盖率');
    }),
  );

  test('karamay-admin lists the uncovered units of the whole city and exports them; the per-child table is one request and exports too', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openOrganization(page, '克拉玛依市团委');
      // Opening the tab asks for the per-child table once, never one figure per child.
      const asked = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await page.getByRole('tab', { name: '覆盖面' }).click();
      const children = page.getByTestId('coverage-children-table');
      await toContainText(children, '克拉玛依区团委');
      assert.equal(asked.filter((p) => p.endsWith('/coverage-by-child')).length, 1, asked.join(' '));
      assert.deepEqual(asked.filter((p) => /\/organizations\/\d+\/(stats|children)$/.test(p)), []);

      // Registered at the city itself: only the covered park. Across the city: every unit, with
      // where it is registered; the uncovered filter keeps the uncovered ones of every level.
      const table = page.getByTestId('coverage-table');
      await toContainText(table, '克拉玛依高新技术产业开发区');
      await page.getByTestId('coverage-scope-subtree').click();
      await toContainText(table, '克拉玛依佳福物业服务有限公司');
      await toContainText(table, '登记组织');
      await page.getByTestId('coverage-filter-uncovered').click();
      await poll(async () => !(await table.innerText()).includes('汉博中央广场'));
      await toContainText(table, '克拉玛依佳福物业服务有限公司');
      await toContainText(table.locator('tr', { hasText: '克拉玛依佳福物业服务有限公司' }), '天山街道团工委');

      // The export carries the list's filters.
      const [request, download] = await Promise.all([
        page.waitForRequest((r) => r.url().includes('/coverage-units/export')),
        page.waitForEvent('download'),
        page.getByTestId('coverage-export').click(),
      ]);
      const query = new URL(request.url()).searchParams;
      assert.equal(query.get('scope'), 'subtree');
      assert.equal(query.get('covered'), 'false');
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const [childDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('coverage-children-export').click(),
      ]);
      assert.match(childDownload.suggestedFilename(), /\.xlsx$/);
    }),
  );

  test('karamay-admin creates, edits, archives and restores a sub-organization; the breadcrumb leads back up', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openOrganization(page, '天山街道团工委');
      const before = await statValue(page, 'organizations');
      await page.getByTestId('create-child').click();
      const form = page.getByTestId('organization-form');
      // A bad phone number comes back from the server as an error on its field.
      await form.locator('input[data-testid="org-field-name"]').fill('天山街道青年创业团支部');
      await form.locator('input[data-testid="org-field-contact_phone"]').fill('12345');
      await page.getByTestId('org-form-submit').click();
      await toBeVisible(form.locator('.el-form-item.is-error', { has: page.locator('input[data-testid="org-field-contact_phone"]') }));
      await form.locator('input[data-testid="org-field-contact_phone"]').fill('13999001122');
      await page.getByTestId('org-form-submit').click();
      await toContainText(page.getByTestId('organization-name'), '天山街道青年创业团支部');
      await toContainText(page.getByTestId('organization-details'), '13999001122');

      await page.getByTestId('edit-organization').click();
      await form.locator('input[data-testid="org-field-address"]').fill('天山路 18 号');
      await page.getByTestId('org-form-submit').click();
      await toContainText(page.getByTestId('organization-details'), '天山路 18 号');

      await page.getByTestId('archive-organization').click();
      await page.locator('.el-message-box').getByRole('button', { name: '撤销（归档）' }).click();
      await toBeVisible(page.getByTestId('organization-archived'));
      await toBeHidden(page.getByTestId('archive-organization'));

      await page.getByTestId('restore-organization').click();
      await toContainText(page.locator('.el-message--success'), '组织已恢复');
      await toBeHidden(page.getByTestId('organization-archived'));
      await toBeVisible(page.getByTestId('archive-organization'));
      await toBeHidden(page.getByTestId('restore-organization'));

      await page.getByTestId('organization-breadcrumb').locator('a', { hasText: /^天山街道团工委$/ }).click();
      await toContainText(page.getByTestId('organization-name'), '天山街道团工委');
      assert.equal(await statValue(page, 'organizations'), before + 1, 'the restored branch counts again');
    }),
  );

  test('the organization screens switch language', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openOrganization(page, '克拉玛依市团委');
      await toContainText(page.getByTestId('stat-members'), '团员');
      await switchLanguage(page, 'en');
      await toContainText(page.getByTestId('stat-members'), 'Members');
      await toContainText(page.getByTestId('organization-details'), 'Committee');
      await page.getByTestId('open-people').click();
      await toHavePath(page, /\/people$/);
      await toContainText(page.getByTestId('people-list'), 'People');
      await toContainText(page.getByTestId('export-people'), 'Export to Excel');
      await switchLanguage(page, 'zh-CN');
      await toContainText(page.getByTestId('export-people'), '导出 Excel');
    }),
  );
});
