// Steps of the organization and people screens (selectors: the app's data-testid attributes).
import { toBeHidden, toBeVisible, toContainText, toHavePath } from './expect.mjs';

/**
 * Opens an organization's page through the navigator's server search.
 * On a phone the navigator lives in the drawer, which closes on selection.
 */
export async function openOrganization(page, name, { phone = false } = {}) {
  if (phone) await page.getByTestId('open-nav').click();
  const scope = phone ? page.locator('.app-shell__drawer') : page.getByTestId('side-nav');
  await scope.locator('input[data-testid="org-search"]').fill(name);
  const result = scope.getByTestId('org-search-results').getByText(name, { exact: true });
  await toBeVisible(result);
  await result.click();
  if (phone) await toBeHidden(page.locator('.app-shell__drawer'));
  await toContainText(page.getByTestId('organization-name'), name);
  await toHavePath(page, /^\/app\/organizations\/\d+$/);
  await toBeVisible(page.getByTestId('stat-members'));
}

/** The number on a stat card of the open organization page. */
export async function statValue(page, key) {
  const text = await page.getByTestId(`stat-${key}`).getByTestId('stat-value').textContent();
  return Number(text.trim());
}

/** The organization id of the page that is open. */
export function currentOrganizationId(page) {
  return Number(/\/organizations\/(\d+)/.exec(new URL(page.url()).pathname)[1]);
}

/**
 * Chooses an option of an Element Plus select: clicks it, types to filter (remote), picks the
 * text. The choice must show in the select (its text, or at least a change of what it showed):
 * under load a click can land while the list is still opening and choose nothing (seen in CI: a
 * type select kept 文字 and the test failed steps later on what followed), so it is chosen again,
 * three times at most.
 */
export async function chooseOption(page, selectTestId, text, { type = null } = {}) {
  const select = page.getByTestId(selectTestId);
  const before = await select.innerText();
  for (let attempt = 1; attempt <= 3; attempt++) {
    // A select chosen just before may still be fading out, its options still "visible": let it go.
    await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    await select.click();
    if (type !== null) await page.keyboard.type(type);
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first();
    await toBeVisible(option);
    await option.click();
    // A choice closes the list; a click that lands while the list is still opening can leave it
    // open over whatever comes next (seen once: the 接收 button under the list for 30 s). Close
    // it without changing the choice.
    const closed = await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 2_000 })
      .then(() => true, () => false);
    if (!closed) await page.keyboard.press('Escape');
    const shown = await select.innerText();
    if (shown.includes(text) || shown !== before) return;
  }
  throw new Error(`the select ${selectTestId} still shows "${before.trim()}" after choosing "${text}" three times`);
}

/** A valid 18-character identity number (GB 11643) for a birth date and a sequence. */
export function identityNumber(birth, seq, region = '650102') {
  const body = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** The same number with a wrong check character. */
export function badIdentityNumber(valid) {
  const last = valid.at(-1) === '0' ? '1' : '0';
  return valid.slice(0, 17) + last;
}

/**
 * The text of the side navigation's menu entries, once it knows the current organization's
 * `can` (entries such as people and transfers follow it).
 */
export async function menuLabels(page, scope = page.getByTestId('side-nav')) {
  await toBeVisible(page.locator('[data-testid="side-nav"][data-ready="true"]'));
  return (await scope.locator('.el-menu-item').allTextContents()).map((s) => s.trim());
}
