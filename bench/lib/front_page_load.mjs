// One cold load of the public front page as a guest on a phone (390×844, a new browser context:
// no cache), shared by front_page.mjs and front_page_waterfall.mjs. Content is the first item of
// any front page column (news, services, venues) in the DOM, noted by a MutationObserver the page
// starts with, so that the time does not include waiting for the network to fall idle.
import { PHONE } from '../../e2e/support/browser.mjs';

const CONTENT = '[data-testid^="front-item-"]';

// Loads `/` in a new context and waits for content; `onPage` sees the page before the load
// (to listen for requests). Returns the context (the caller closes it), the page and the time
// to content in ms from navigation start.
export async function loadFrontPage(browser, baseURL, onPage = () => {}) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  await context.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      window.__contentAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, CONTENT);
  const page = await context.newPage();
  onPage(page);
  await page.goto('/', { waitUntil: 'networkidle' });
  const content = await page.waitForFunction(() => window.__contentAt ?? 0, null, { timeout: 20_000 });
  return { context, page, contentMs: await content.jsonValue() };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
