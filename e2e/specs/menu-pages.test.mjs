import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite } from '../support/suite.mjs';
import { toBeVisible } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';

const ROLES = ['region-admin', 'karamay-admin', 'branch-secretary', 'cadre', 'member', 'youth'];

/**
 * Opens every entry of the side menu as `role` and returns the entries whose page refused the
 * caller (an error alert or message, or a 401/403 answer of the API) — a menu must offer only
 * what the server allows.
 */
async function refusals(page, role) {
  await login(page, role);
  await toBeVisible(page.locator('[data-testid="side-nav"][data-ready="true"]'));
  const labels = (await page.locator('.side-nav .el-menu-item').allTextContents()).map((s) => s.trim());
  assert.ok(labels.length > 0, `${role} has a menu`);
  const found = [];
  for (const label of labels) {
    const refused = [];
    const onResponse = (r) => {
      if (r.url().includes('/api/') && (r.status() === 401 || r.status() === 403)) {
        refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
      }
    };
    // Messages of the page before fade out slowly: they are not this entry's.
    await page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()));
    page.on('response', onResponse);
    await page.locator('.side-nav .el-menu-item', { hasText: label }).first().click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    page.off('response', onResponse);
    const shown = await page
      .locator('.el-alert--error:visible, .el-message--error:visible')
      .allTextContents()
      .catch(() => []);
    for (const text of shown) refused.push(text.trim());
    if (refused.length) found.push(`${role} › ${label} (${page.url()}): ${refused.join('; ')}`);
  }
  return found;
}

describe('every menu entry opens a page that works for the role', () => {
  const suite = useSuite();
  for (const role of ROLES) {
    test(`${role}: no entry leads to a refusal`, { timeout: 180_000 }, (t) =>
      suite.withPage(t, async (page) => {
        const found = await refusals(page, role);
        assert.deepEqual(found, []);
      }),
    );
  }
});
