// Named screenshots for the README, written only when SCREENSHOTS=1.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './paths.mjs';

export const screenshotsEnabled = () => process.env.SCREENSHOTS === '1';

/** Saves docs/screenshots/<name>.png when enabled; returns the path or null. */
export async function docScreenshot(page, name) {
  if (!screenshotsEnabled()) return null;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Let transitions (drawer, dropdowns) settle before the picture.
  await page.waitForTimeout(400);
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
