// Shared set-up for a spec file: one server and one browser for the file,
// a fresh browser context per test, a screenshot of every failing test.
import { after, before } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DESKTOP, PHONE, launchBrowser } from './browser.mjs';
import { OUTPUT_DIR } from './paths.mjs';
import { startServer } from './server.mjs';

export const TEST_TIMEOUT = 60_000;

function slug(name) {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 100) || 'test';
}

export function useSuite() {
  const state = { server: null, browser: null, startError: null };

  // A failed start is rethrown by every test, so each one counts as failed
  // with the cause (a failing hook would only mark them cancelled).
  before(async () => {
    try {
      state.server = await startServer();
      state.browser = await launchBrowser();
    } catch (err) {
      state.startError = err;
    }
  }, { timeout: 180_000 });

  after(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });

  return {
    get baseURL() {
      return state.server.baseURL;
    },

    /**
     * Runs fn(page, context) in a new context ('desktop' or 'phone').
     * On failure it saves e2e/output/<test name>.png and the page's console errors.
     */
    async withPage(t, fn, { device = 'desktop' } = {}) {
      if (state.startError) throw state.startError;
      const profile = device === 'phone' ? PHONE : DESKTOP;
      const context = await state.browser.newContext({ ...profile, baseURL: state.server.baseURL });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`);
      });
      try {
        await fn(page, context);
      } catch (err) {
        await mkdir(OUTPUT_DIR, { recursive: true });
        const file = join(OUTPUT_DIR, `${slug(t.fullName ?? t.name)}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        t.diagnostic(`screenshot: ${file}`);
        for (const line of pageErrors) t.diagnostic(line);
        const tail = state.server.logs().split('\n').slice(-20).join('\n');
        if (tail.trim()) t.diagnostic(`server log tail:\n${tail}`);
        throw err;
      } finally {
        await context.close();
      }
    },
  };
}
