// The public front page as a guest on a phone (390×844, no cache): bytes transferred, first
// contentful paint and time to content (navigation start → the first live item of a front page
// column in the DOM, noted by a MutationObserver the page starts with, so that the time does not
// include waiting for the network to fall idle), median of RUNS loads, for the built web app as served
// (precompressed brotli/gzip) and for the same build without its compressed copies. With
// FRONT_PAGE_BASELINE=<another web/dist> (e.g. main's build) that build is measured in the same
// run too, for a before/after under the same load. Run with `make bench-front` (needs
// build/tianshan, web/dist and e2e's node modules).
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 7);
const REPO = new URL('../', import.meta.url).pathname;

async function withoutCompressedCopies() {
  const dir = await mkdtemp(join(tmpdir(), 'tianshan-dist-'));
  await cp(join(REPO, 'web', 'dist'), dir, { recursive: true });
  for (const entry of await readdir(dir, { recursive: true })) {
    if (entry.endsWith('.br') || entry.endsWith('.gz')) await rm(join(dir, entry));
  }
  return dir;
}

// One variant per child process: e2e/support/paths.mjs reads TIANSHAN_WEB_DIST once.
function measure(label, distDir) {
  const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname], {
    env: { ...process.env, TIANSHAN_WEB_DIST: distDir, FRONT_PAGE_VARIANT: label },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop());
}

async function measureHere(label) {
  const { startServer } = await import('../e2e/support/server.mjs');
  const { launchBrowser } = await import('../e2e/support/browser.mjs');
  const { loadFrontPage, median } = await import('./lib/front_page_load.mjs');
  const server = await startServer();
  const browser = await launchBrowser();
  const bytes = [];
  const times = [];
  const contents = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const finished = [];
      const { context, page, contentMs } = await loadFrontPage(browser, server.baseURL, (p) =>
        p.on('requestfinished', (r) => finished.push(r)),
      );
      contents.push(contentMs);
      const shown = await page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return paint ? paint.startTime : performance.now();
      });
      let total = 0;
      for (const r of finished) {
        const s = await r.sizes();
        total += s.responseBodySize + s.responseHeadersSize;
      }
      bytes.push(total);
      times.push(shown);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { label, kib: median(bytes) / 1024, firstPaintMs: median(times), contentMs: median(contents) };
}

if (process.env.FRONT_PAGE_VARIANT) {
  console.log(JSON.stringify(await measureHere(process.env.FRONT_PAGE_VARIANT)));
  process.exit(0);
}

const plain = await withoutCompressedCopies();
try {
  const results = [measure('compressed', join(REPO, 'web', 'dist')), measure('uncompressed', plain)];
  if (process.env.FRONT_PAGE_BASELINE) results.push(measure('baseline', process.env.FRONT_PAGE_BASELINE));
  console.log(`front page, guest on a phone, median of ${RUNS} cold loads`);
  for (const r of results) {
    console.log(`  ${r.label.padEnd(13)} ${r.kib.toFixed(0).padStart(6)} KiB  first contentful paint ${r.firstPaintMs.toFixed(0)} ms  content ${r.contentMs.toFixed(0)} ms`);
  }
  console.log(`  bytes ratio compressed/uncompressed: ${(results[0].kib / results[1].kib).toFixed(2)}`);
} finally {
  await rm(plain, { recursive: true, force: true });
}
