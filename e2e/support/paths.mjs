import { fileURLToPath } from 'node:url';
import { isAbsolute, join, resolve } from 'node:path';

/** The repository root, found from this file so that any working directory works. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_DIR = join(REPO_ROOT, 'e2e');
export const OUTPUT_DIR = join(E2E_DIR, 'output');
/** The built web app the server serves: $TIANSHAN_WEB_DIST (benchmarks compare builds) or web/dist. */
export const WEB_DIST = process.env.TIANSHAN_WEB_DIST ?? join(REPO_ROOT, 'web', 'dist');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

/** The server binary: $TIANSHAN_BIN (relative to the repo root) or build/tianshan. */
export function serverBinary() {
  const fromEnv = process.env.TIANSHAN_BIN;
  if (!fromEnv) return join(REPO_ROOT, 'build', 'tianshan');
  return isAbsolute(fromEnv) ? fromEnv : resolve(REPO_ROOT, fromEnv);
}
