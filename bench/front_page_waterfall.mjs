// Where the front page's time to content goes: for RUNS cold loads as a guest on a phone
// (390×844, the same set-up as front_page.mjs), each request's start and end (Resource Timing,
// ms from navigation start; medians over the runs) beside first contentful paint and content
// (the first front page item in the DOM). Run after a build: `node bench/front_page_waterfall.mjs`
// (needs build/tianshan, web/dist and e2e's node modules).
const RUNS = Number(process.env.RUNS ?? 7);

const { startServer } = await import('../e2e/support/server.mjs');
const { launchBrowser } = await import('../e2e/support/browser.mjs');
const { loadFrontPage, median } = await import('./lib/front_page_load.mjs');
const server = await startServer();
const browser = await launchBrowser();
const samples = new Map(); // name → { start: [], end: [] }
const marks = { fcp: [], content: [], domContentLoaded: [] };
const note = (name, start, end) => {
  const s = samples.get(name) ?? { start: [], end: [] };
  s.start.push(start);
  s.end.push(end);
  samples.set(name, s);
};
try {
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await loadFrontPage(browser, server.baseURL);
    const t = await page.evaluate(() => ({
      content: window.__contentAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      document: performance.getEntriesByType('navigation')[0].responseEnd,
      resources: performance
        .getEntriesByType('resource')
        .map((r) => ({ name: new URL(r.name).pathname.replace(/-[\w-]{8}\./, '.'), start: r.startTime, end: r.responseEnd })),
    }));
    note('/ (document)', 0, t.document);
    for (const r of t.resources) note(r.name, r.start, r.end);
    marks.fcp.push(t.fcp);
    marks.content.push(t.content);
    marks.domContentLoaded.push(t.domContentLoaded);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const rows = [...samples.entries()].map(([name, s]) => ({ name, start: median(s.start), end: median(s.end), n: s.start.length }));
rows.sort((a, b) => a.start - b.start);
console.log(`front page, guest on a phone, median of ${RUNS} cold loads (ms from navigation start)`);
for (const r of rows) {
  console.log(`  ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${r.name}${r.n < RUNS ? ` (${r.n} of ${RUNS} loads)` : ''}`);
}
console.log(`  DOMContentLoaded ${median(marks.domContentLoaded).toFixed(0)}  first contentful paint ${median(marks.fcp).toFixed(0)}  content ${median(marks.content).toFixed(0)}`);
