// An axe-core scan of every main screen: the public pages as a guest, and each demo role's
// workbench and every entry of its side menu, on a desk and on a phone. Any serious or critical
// violation fails (colour contrast, names of controls and fields, landmarks, …).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite } from '../support/suite.mjs';
import { toBeVisible, toHavePath } from '../support/expect.mjs';
import { DEMO_PASSWORD, fillLogin } from '../support/flows.mjs';
import { axeViolations } from '../support/axe.mjs';
import { bellCount } from '../support/bell.mjs';

const SCAN_TIMEOUT = 240_000;
const PUBLIC_PAGES = ['/', '/login', '/volunteer', '/services', '/venues'];
const ROLES = ['youth', 'member', 'cadre', 'branch-secretary', 'karamay-admin', 'region-admin'];
// Scanned with an unread notification, so that the bell is checked with its badge showing.
const WITH_UNREAD = new Set(['karamay-admin']);

// Thirteen logins in a row: each hashes a password (Argon2id), slow on a loaded machine.
async function login(page, role) {
  await fillLogin(page, role, DEMO_PASSWORD);
  await toHavePath(page, '/app', { timeout: 45_000 });
  await toBeVisible(page.getByTestId('home'), { timeout: 30_000 });
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  // Colours are measured as painted: wait for fades (tags, messages, drawers) to finish.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

async function scan(page, where, found) {
  await settle(page);
  for (const v of await axeViolations(page)) found.push({ where, ...v });
}


/**
 * Gives `role` an unread notification, through the app's own login alert (auth.new_login): a
 * second login from a browser the account has not used before (a User-Agent of its own), made
 * after the page's login, notifies the account. Then waits until the page's bell shows it, so
 * that every scan after this one sees the bell with its badge.
 */
async function unreadNotification(page, baseURL, role) {
  const before = await bellCount(page);
  const response = await fetch(`${baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': `a11y-scan/${role}/${Date.now()}` },
    body: JSON.stringify({ login: role, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 200, await response.text());
  // The count arrives over the live stream; generous on a loaded machine.
  const deadline = Date.now() + 30_000;
  while ((await bellCount(page)) <= before) {
    assert.ok(Date.now() < deadline, `the bell still shows ${await bellCount(page)} unread after a login alert`);
    await page.waitForTimeout(200);
  }
}

function report(found) {
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
}

/** Opens each side-menu entry in turn (in the drawer on a phone) and scans the screen it shows. */
async function scanMenu(page, role, device, found) {
  const phone = device === 'phone';
  const openMenu = async () => {
    if (phone) await page.getByTestId('open-nav').click();
    const scope = phone ? page.locator('.app-shell__drawer') : page;
    await toBeVisible(scope.locator('[data-testid="side-nav"][data-ready="true"]'));
    return scope.locator('.el-menu-item');
  };
  await scan(page, `${role} ${device} ${new URL(page.url()).pathname}`, found);
  const count = await (await openMenu()).count();
  assert.ok(count > 0, `${role} has a menu`);
  if (phone) await page.keyboard.press('Escape');
  for (let i = 0; i < count; i++) {
    const items = await openMenu();
    await items.nth(i).click();
    if (phone) await page.locator('.app-shell__drawer').waitFor({ state: 'hidden' });
    await scan(page, `${role} ${device} ${new URL(page.url()).pathname}`, found);
  }
}

describe('accessibility: axe-core finds no serious or critical violation', () => {
  const suite = useSuite();

  test('the organization tree shows where the keyboard focus is', { timeout: 60_000 }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      const node = page.locator('[data-testid="side-nav"] .el-tree-node').first();
      await node.focus();
      await page.keyboard.press('ArrowDown');
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        const row = el?.querySelector(':scope > .el-tree-node__content');
        if (!el?.classList.contains('el-tree-node') || !row) return null;
        const style = getComputedStyle(row);
        return { outline: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
      });
      assert.ok(focus, 'the arrow key moves focus to the next node of the tree');
      assert.equal(focus.outline, 'solid');
      assert.equal(focus.width, '2px');
      assert.equal(focus.color, 'rgb(200, 22, 29)');
    }),
  );

  for (const device of ['desktop', 'phone']) {
    test(`public pages for a guest (${device})`, { timeout: SCAN_TIMEOUT }, (t) =>
      suite.withPage(
        t,
        async (page) => {
          const found = [];
          for (const path of PUBLIC_PAGES) {
            await page.goto(path);
            await scan(page, `guest ${device} ${path}`, found);
          }
          // One detail page of each public list, reached from its list.
          for (const [list, card] of [
            ['/volunteer', 'project-card'],
            ['/', 'front-item-services'],
            ['/', 'front-item-venues'],
          ]) {
            await page.goto(list);
            await page.getByTestId(card).first().click();
            await scan(page, `guest ${device} ${new URL(page.url()).pathname}`, found);
          }
          report(found);
        },
        { device },
      ),
    );

    for (const role of ROLES) {
      test(`${role}'s workbench and menu (${device})`, { timeout: SCAN_TIMEOUT }, (t) =>
        suite.withPage(
          t,
          async (page) => {
            const found = [];
            await login(page, role);
            if (WITH_UNREAD.has(role)) await unreadNotification(page, suite.baseURL, role);
            await scanMenu(page, role, device, found);
            report(found);
          },
          { device },
        ),
      );
    }
  }
});
