// Small polling assertions for playwright-core locators (no @playwright/test here).
import assert from 'node:assert/strict';

const DEFAULT_TIMEOUT = 10_000;

export async function toBeVisible(locator, { timeout = DEFAULT_TIMEOUT } = {}) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function toBeHidden(locator, { timeout = DEFAULT_TIMEOUT } = {}) {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

async function poll(read, check, describe, timeout) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) assert.fail(`${describe}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function matches(value, expected) {
  return expected instanceof RegExp ? expected.test(value) : value.includes(expected);
}

/** Waits until the locator's text contains a string (or matches a RegExp). */
export function toContainText(locator, expected, { timeout = DEFAULT_TIMEOUT } = {}) {
  return poll(
    async () => ((await locator.first().textContent({ timeout }).catch(() => null)) ?? ''),
    (text) => matches(text, expected),
    `expected text to contain ${expected}`,
    timeout,
  );
}

/** Waits until the page's path and query, percent-decoded, match. */
export function toHavePath(page, expected, { timeout = DEFAULT_TIMEOUT } = {}) {
  return poll(
    () => {
      const url = new URL(page.url());
      return decodeURIComponent(url.pathname + url.search);
    },
    (path) => (expected instanceof RegExp ? expected.test(path) : path === expected),
    `expected path ${expected}`,
    timeout,
  );
}
