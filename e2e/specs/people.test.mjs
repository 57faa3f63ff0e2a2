import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login, logout } from '../support/flows.mjs';
import {
  badIdentityNumber,
  chooseOption,
  identityNumber,
  openOrganization,
  statValue,
} from '../support/organizations.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

const FENGYUN = '风云社区团支部';
const JIAFU = '佳福小区团支部';
const STREET = '天山街道团工委';

/** A JSON GET through the page's session (same origin, the session cookie). */
async function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api/v1${p}`, { headers: { Accept: 'application/json' } });
    return { status: r.status, body: await r.json() };
  }, path);
}

async function openPeople(page, org) {
  await openOrganization(page, org);
  await page.getByTestId('open-people').click();
  await toHavePath(page, /\/people(\?.*)?$/);
  await toBeVisible(page.getByTestId('people-table'));
}

describe('people screens', () => {
  const suite = useSuite();

  test('people list: filters, keyset pages, masking as the server sends it, export', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openPeople(page, '克拉玛依市团委');
      // A committee admin opens on the whole subtree, with the total from the counters.
      await toBeVisible(page.locator('[data-testid="people-scope-subtree"].is-active'));
      await toContainText(page.getByTestId('people-total'), /共 \d+ 人/);
      const total = Number((await page.getByTestId('people-total').textContent()).match(/\d+/)[0]);
      assert.ok(total > 100, `the subtree holds ${total} people`);
      await toBeVisible(page.getByTestId('people-more'));
      const first = await page.getByTestId('people-table').locator('tbody tr').count();
      assert.equal(first, 50);
      await page.getByTestId('people-more').click();
      await toContainText(page.getByTestId('people-count'), /已显示 (5[1-9]|[6-9]\d|1\d\d) 人/);
      // An admin sees full phone numbers.
      const phones = (await page.getByTestId('person-phone').allTextContents()).filter(Boolean);
      assert.ok(phones.some((p) => /^1\d{10}$/.test(p)), phones.join(','));
      assert.ok(!phones.some((p) => p.includes('*')), phones.join(','));

      await chooseOption(page, 'people-kind', '团干部');
      await toContainText(page.getByTestId('people-table'), '书记');
      await docScreenshot(page, 'people-desktop');

      const download = page.waitForEvent('download');
      await page.getByTestId('export-people').click();
      const file = await download;
      assert.match(file.suggestedFilename(), /\.xlsx$/);

      // A person page: details, membership, positions, history.
      await page.getByTestId('person-link').first().click();
      await toBeVisible(page.getByTestId('person-name'));
      await toBeVisible(page.getByTestId('positions-table'));
      await toBeVisible(page.getByTestId('person-history'));
    }),
  );

  test('a cadre sees masked identifiers exactly as the server sends them', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'cadre');
      await openOrganization(page, '克拉玛依市团委');
      await page.getByTestId('open-people').click();
      await page.getByTestId('people-scope-subtree').click();
      await toContainText(page.getByTestId('people-table'), /1\d\d\*{4}\d{4}/);
      await toContainText(page.getByTestId('people-table'), /\d{4}\*{10}[\dX]{4}/);
      assert.equal(await page.getByTestId('add-person').count(), 0);
    }),
  );

  test('branch secretary adds a member; a server field error shows on its field', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'branch-secretary');
      await openPeople(page, FENGYUN);
      await toBeVisible(page.getByTestId('people-table'));
      await page.getByTestId('add-person').click();
      const form = page.getByTestId('person-form');
      const field = (name) => form.locator(`input[data-testid="person-field-${name}"]`);
      // An even 17th digit: a woman's number (GB 11643).
      const valid = identityNumber('2003-04-05', 18);
      await field('name').fill('古丽测试');
      await form.getByText('女', { exact: true }).click();
      await field('identity_number').fill(badIdentityNumber(valid));
      await field('birth_date').fill('2003-04-05');
      await field('member_since').fill('2018-05-04');
      await page.getByTestId('person-form-submit').click();
      const idItem = form.locator('.el-form-item', { has: page.locator('input[data-testid="person-field-identity_number"]') });
      await toBeVisible(idItem.locator('.el-form-item__error'));
      await toContainText(page.getByTestId('form-error'), '请按提示修改标出的字段');

      await field('identity_number').fill(valid);
      // A gender that disagrees with the number is refused beside the gender field.
      await form.getByText('男', { exact: true }).click();
      await page.getByTestId('person-form-submit').click();
      const genderItem = form.locator('.el-form-item', { has: page.getByTestId('person-field-gender') });
      await toContainText(genderItem.locator('.el-form-item__error'), '性别与身份证号不一致');
      await form.getByText('女', { exact: true }).click();
      // 民族 and 学历 are closed lists: chosen, not typed.
      await chooseOption(page, 'person-field-ethnicity', '哈萨克族', { type: '哈萨克' });
      await chooseOption(page, 'person-field-education', '大学本科');
      await page.getByTestId('person-form-submit').click();
      await toContainText(page.locator('.el-message--success'), '古丽测试');
      await page.locator('input[data-testid="people-search"]').fill('古丽测试');
      await toContainText(page.getByTestId('people-table'), '古丽测试');
      // Found by her identity number too: the term travels in a header, never in a URL (no
      // request's and not the address bar's: ASVS 8.3.1).
      const urls = [];
      page.on('request', (r) => urls.push(r.url()));
      const byNumber = page.waitForRequest(
        (r) => r.url().includes('/people?') && r.headers()['x-search-query'] === valid,
      );
      await page.locator('input[data-testid="people-search"]').fill(valid);
      await byNumber;
      await toContainText(page.getByTestId('people-table'), '古丽测试');
      assert.ok(urls.length > 0 && urls.every((u) => !u.includes(valid)), urls.join('\n'));
      assert.ok(!page.url().includes(valid) && !decodeURIComponent(page.url()).includes('古丽测试'), page.url());
      await page.getByTestId('person-link').first().click();
      await toContainText(page.getByTestId('person-membership'), FENGYUN);
      await toContainText(page.locator('body'), '哈萨克族');
      await toContainText(page.locator('body'), '大学本科');
    }),
  );

  test('bulk select: the chosen people export alone, within the list\'s filters (民族, 学历)', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openPeople(page, '克拉玛依市团委');
      await chooseOption(page, 'people-ethnicity', '维吾尔族', { type: '维吾尔' });
      await chooseOption(page, 'people-education', '大学专科');
      await toHavePath(page, /ethnicity=05/);
      await toBeVisible(page.getByTestId('person-link').first());
      // Every listed person is of that group and level (the server filtered them).
      const listed = await apiGet(page, '/organizations/3/people?scope=subtree&ethnicity=05&education=30&limit=200');
      assert.equal(listed.status, 200);
      assert.ok(listed.body.items.length > 0);
      assert.ok(listed.body.items.every((p) => p.ethnicity === '05' && p.education === '30'));
      // The counters cannot total a filtered list: no total is claimed.
      assert.equal(await page.getByTestId('people-total').count(), 0);

      const boxes = page.getByTestId('people-table').locator('tbody .el-checkbox');
      await boxes.nth(0).click();
      await boxes.nth(2).click();
      await toContainText(page.getByTestId('people-selected'), '已选 2 人');
      const ids = [listed.body.items[0].id, listed.body.items[2].id].sort((a, b) => a - b);
      const [request, download] = await Promise.all([
        page.waitForRequest((r) => r.url().includes('/people/export')),
        page.waitForEvent('download'),
        page.getByTestId('export-selected').click(),
      ]);
      const query = new URL(request.url()).searchParams;
      assert.deepEqual(query.get('ids').split(',').map(Number).sort((a, b) => a - b), ids);
      assert.equal(query.get('ethnicity'), '05');
      assert.equal(query.get('scope'), 'subtree');
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      // Changing the filters clears the selection.
      await chooseOption(page, 'people-education', '全部学历');
      await toBeHidden(page.getByTestId('people-selection'));
    }),
  );

  test('on a phone the people cards can be selected and exported', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await login(page, 'branch-secretary');
        await page.goto('/app/organizations/23/people');
        await toBeVisible(page.getByTestId('person-card').first());
        await page.getByTestId('person-card').first().getByTestId('row-select').click();
        await toContainText(page.getByTestId('people-selected'), '已选 1 人');
        const [request] = await Promise.all([
          page.waitForRequest((r) => r.url().includes('/people/export')),
          page.getByTestId('export-selected').click(),
        ]);
        assert.match(new URL(request.url()).searchParams.get('ids'), /^\d+$/);
      },
      { device: 'phone' },
    ),
  );

  test('a transfer end to end: start, accept into a chosen branch, counts move on both sides', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await openOrganization(page, FENGYUN);
      const fromBefore = await statValue(page, 'members');
      await openOrganization(page, JIAFU);
      const toBefore = await statValue(page, 'members');

      // Start at the sending branch: a member of 风云 to 天山街道团工委.
      await openOrganization(page, FENGYUN);
      await page.getByTestId('open-transfers').click();
      await toBeVisible(page.getByTestId('transfers-page'));
      await page.getByTestId('start-transfer').click();
      await chooseOption(page, 'transfer-person', FENGYUN);
      const chosen = await page.getByTestId('transfer-form').locator('.el-select__selected-item').first().textContent();
      const name = chosen.split('·')[0].trim();
      await chooseOption(page, 'transfer-to', STREET, { type: '天山街道' });
      await page.locator('textarea[data-testid="transfer-note"]').fill('工作调动');
      await page.getByTestId('transfer-submit').click();
      await toContainText(page.getByTestId('transfers-table'), name);
      await toContainText(page.getByTestId('transfer-age'), '今天');

      // Accept at the receiving committee, choosing the branch.
      await openOrganization(page, STREET);
      await page.getByTestId('open-transfers').click();
      await toContainText(page.getByTestId('transfers-table'), name);
      const row = page.getByTestId('transfers-table').locator('tr', { hasText: name });
      await row.getByTestId('transfer-accept').click();
      await chooseOption(page, 'accept-branch', JIAFU);
      await page.getByTestId('accept-confirm').click();
      await toContainText(page.locator('.el-message--success'), name);
      await toBeVisible(page.getByTestId('transfers-empty'));

      await openOrganization(page, FENGYUN);
      assert.equal(await statValue(page, 'members'), fromBefore - 1);
      await openOrganization(page, JIAFU);
      assert.equal(await statValue(page, 'members'), toBefore + 1);

      // Another transfer rejected with a reason, and one cancelled.
      for (const action of ['reject', 'cancel']) {
        await openOrganization(page, FENGYUN);
        await page.getByTestId('open-transfers').click();
        await page.getByTestId('start-transfer').click();
        await chooseOption(page, 'transfer-person', FENGYUN);
        await chooseOption(page, 'transfer-to', JIAFU, { type: '佳福小区' });
        await page.getByTestId('transfer-submit').click();
        await toBeVisible(page.getByTestId('transfers-table'));
        if (action === 'cancel') {
          await page.getByTestId('transfer-cancel').first().click();
          await page.locator('.el-message-box').getByRole('button', { name: '撤回' }).click();
        } else {
          await openOrganization(page, JIAFU);
          await page.getByTestId('open-transfers').click();
          await page.getByTestId('transfer-reject').first().click();
          await page.locator('.el-message-box input').fill('材料不全');
          await page.locator('.el-message-box').getByRole('button', { name: '退回' }).click();
        }
        await toBeVisible(page.getByTestId('transfers-empty'));
      }
    }),
  );

  test('a transfer needs both sides: the receiving branch cannot take a member of another branch alone', { timeout: TEST_TIMEOUT * 2 }, (t) =>
    suite.withPage(t, async (page) => {
      // A member of 佳福小区团支部, as the committee above both branches sees them.
      await login(page, 'karamay-admin');
      const jiafu = (await apiGet(page, `/organizations/search?q=${encodeURIComponent(JIAFU)}`)).body.items[0];
      // The last of the page: the first may be someone an earlier test moved here.
      const members = (await apiGet(page, `/organizations/${jiafu.id}/people?kind=member&limit=20`)).body.items;
      const member = (await apiGet(page, `/people/${members.at(-1).id}`)).body;
      await logout(page);

      // The secretary of 风云社区团支部 asks for them by identity number and name.
      await login(page, 'branch-secretary');
      await openOrganization(page, FENGYUN);
      const fengyunMembers = await statValue(page, 'members');
      await page.getByTestId('open-transfers').click();
      await page.getByTestId('start-transfer').click();
      await page.getByTestId('transfer-by-identity').click();
      await page.locator('input[data-testid="transfer-identity"]').fill(member.identity_number);
      await page.locator('input[data-testid="transfer-name"]').fill(member.name);
      // Any destination in the network can be found (organization names are not personal data).
      await chooseOption(page, 'transfer-to', FENGYUN, { type: '风云社区' });
      await page.getByTestId('transfer-submit').click();
      const row = page.getByTestId('transfers-table').locator('tr', { hasText: member.name });
      await toContainText(row.getByTestId('transfer-state'), '等待转出方同意');
      assert.equal(await row.getByTestId('transfer-accept').count(), 0, 'no accept before the sending side agrees');
      await logout(page);

      // The sending side (the committee over 佳福) releases the member.
      await login(page, 'karamay-admin');
      await openOrganization(page, JIAFU);
      await page.getByTestId('open-transfers').click();
      await page.getByTestId('transfers-outgoing').click();
      const outgoing = page.getByTestId('transfers-table').locator('tr', { hasText: member.name });
      await outgoing.getByTestId('transfer-release').click();
      await page.locator('.el-message-box').getByRole('button', { name: '同意转出' }).click();
      await toContainText(page.locator('.el-message--success'), member.name);
      await toContainText(outgoing.getByTestId('transfer-state'), '等待转入方接收');
      await logout(page);

      // Now the receiving branch accepts, and the history shows the transfer accepted.
      await login(page, 'branch-secretary');
      await openOrganization(page, FENGYUN);
      await page.getByTestId('open-transfers').click();
      const incoming = page.getByTestId('transfers-table').locator('tr', { hasText: member.name });
      await incoming.getByTestId('transfer-accept').click();
      await chooseOption(page, 'accept-branch', FENGYUN);
      await page.getByTestId('accept-confirm').click();
      await toContainText(page.locator('.el-message--success'), member.name);
      await chooseOption(page, 'transfer-status-filter', '全部');
      await toContainText(page.getByTestId('transfers-table').locator('tr', { hasText: member.name }).getByTestId('transfer-state'), '已接收');
      await openOrganization(page, FENGYUN);
      assert.equal(await statValue(page, 'members'), fengyunMembers + 1);
    }),
  );

  test('import a CSV with bad rows: every bad row is named, then only the good rows', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'branch-secretary');
      await openOrganization(page, FENGYUN);
      const youthBefore = await statValue(page, 'youth');
      await page.getByTestId('open-people').click();
      await page.getByTestId('open-import').click();
      await toBeVisible(page.getByTestId('import-page'));

      const template = page.waitForEvent('download');
      await page.getByTestId('download-template').click();
      assert.match((await template).suggestedFilename(), /\.xlsx$/);

      const csv = [
        '姓名,性别,出生日期,身份证号码,类别,民族,学历',
        `导入甲,男,2004-01-02,${identityNumber('2004-01-02', 21)},青年,维族,本科`,
        `导入乙,未知,2004-01-03,${identityNumber('2004-01-03', 22)},青年,,`,
        `导入丙,女,2004-01-04,${badIdentityNumber(identityNumber('2004-01-04', 23))},青年,,`,
        `导入丁,女,2004-01-05,,青年,,`,
        `导入戊,女,2004-01-06,${identityNumber('2004-01-06', 24)},青年,火星族,大专`,
      ].join('\n');
      await page.getByTestId('import-file').locator('input[type=file]').setInputFiles({
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByTestId('import-upload').click();
      await toContainText(page.getByTestId('import-status'), '检查完成', { timeout: 20_000 });
      const errors = page.getByTestId('import-errors');
      await toBeVisible(errors);
      const rows = await errors.locator('tbody tr').allTextContents();
      assert.ok(rows.some((r) => r.startsWith('3')), `line 3 named: ${rows}`);
      assert.ok(rows.some((r) => r.startsWith('4')), `line 4 named: ${rows}`);
      // 民族 is a closed list: an unknown value is the row's error on that column (维族 and 本科 map).
      assert.ok(rows.some((r) => r.startsWith('6') && r.includes('民族') && r.includes('火星族')), `line 6 names 民族: ${rows}`);
      assert.ok(!rows.some((r) => r.startsWith('2')), `line 2 (维族, 本科) is good: ${rows}`);
      assert.equal(await page.getByTestId('import-all').count(), 0);
      // The bad rows come back as a spreadsheet with an error column, ready to fix and upload.
      const [bad] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-errors').click()]);
      assert.match(bad.suggestedFilename(), /\.xlsx$/);
      const bytes = await readFile(await bad.path());
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file');
      await page.getByTestId('import-valid-only').click();
      await toContainText(page.getByTestId('import-status'), '导入完成', { timeout: 20_000 });

      // A file with the header only says so.
      await page.getByTestId('import-reset').click();
      await page.getByTestId('import-file').locator('input[type=file]').setInputFiles({
        name: 'header-only.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('姓名,性别,出生日期,身份证号码,类别\n', 'utf8'),
      });
      await page.getByTestId('import-upload').click();
      await toContainText(page.getByTestId('import-job'), '文件中没有数据行', { timeout: 20_000 });

      await openOrganization(page, FENGYUN);
      assert.equal(await statValue(page, 'youth'), youthBefore + 2);
    }),
  );
});
