// Volunteering screens against a real server: phone sign-up with the waitlist,
// the leader's check-in (by hand and by the QR scan page), hours approval and
// the certificate download. The branch secretary leads the demo teams.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { DEMO_PASSWORD, fillLogin, login } from '../support/flows.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

const LEADER = 'branch-secretary';
const VOLUNTEER = 'member';
const PROJECT = '风云社区便民服务日';
const DAY = 24 * 3600_000;

/** A logged-in API client (cookie + CSRF token) for set-up steps. */
async function api(baseURL, loginName) {
  const ctx = await request.newContext({ baseURL });
  const session = await ctx.post('/api/v1/session', { data: { login: loginName, password: DEMO_PASSWORD } });
  assert.equal(session.status(), 200, await session.text());
  const { csrf_token: csrf } = await session.json();
  const call = async (method, path, data, headers = {}) => {
    const r = await ctx.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': csrf, ...headers } });
    const body = r.headers()['content-type']?.includes('json') ? await r.json() : await r.text();
    if (r.status() >= 400) throw new Error(`${method} ${path} → ${r.status()}: ${JSON.stringify(body)}`);
    return body;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, data, headers) => call('POST', path, data ?? {}, headers),
    dispose: () => ctx.dispose(),
  };
}

async function projectId(leader) {
  const { items } = await leader.get('/volunteering/projects?manage=true&limit=50');
  const p = items.find((x) => x.title === PROJECT);
  assert.ok(p, `demo project ${PROJECT} not found`);
  return p.id;
}

async function addShift(leader, project, { inDays, capacity }) {
  const start = Date.now() + inDays * DAY;
  return leader.post(`/volunteering/projects/${project}/shifts`, {
    starts_at: new Date(start).toISOString(),
    ends_at: new Date(start + 2 * 3600_000).toISOString(),
    capacity,
    role: '测试岗位',
  });
}

describe('volunteering', () => {
  const suite = useSuite();

  test('phone: a guest logs in from the project page, signs up, joins a waitlist, cancels', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        const leader = await api(suite.baseURL, LEADER);
        const project = await projectId(leader);
        // A one-seat shift the leader takes himself, so the volunteer meets a full shift.
        const small = await addShift(leader, project, { inDays: 2, capacity: 1 });
        await leader.post(`/volunteering/shifts/${small.id}/sign-ups`, {}, { 'Idempotency-Key': 'e2e-seat' });
        await leader.dispose();

        await page.goto('/volunteer');
        await toBeVisible(page.getByTestId('project-card'));
        await page.getByTestId('project-card').filter({ hasText: PROJECT }).click();
        await toHavePath(page, `/volunteer/projects/${project}`);
        const fullCard = page.locator(`[data-testid="shift-card"][data-shift-id="${small.id}"]`);
        await toContainText(fullCard, '1/1');
        await docScreenshot(page, 'volunteer-project-phone');

        // A guest is sent to log in and comes back to the project page.
        const openCard = page.locator('[data-testid="shift-card"]').filter({ has: page.locator('[data-state="open"]') }).first();
        await openCard.getByTestId('shift-signup').click();
        await toHavePath(page, /^\/login\?redirect=/);
        await page.locator('input[data-testid="login-name"]').fill(VOLUNTEER);
        await page.locator('input[data-testid="login-password"]').fill(DEMO_PASSWORD);
        await page.getByTestId('login-submit').click();
        await toHavePath(page, `/volunteer/projects/${project}`);

        await openCard.getByTestId('shift-signup').click();
        await page.getByTestId('signup-submit').click();
        await toBeVisible(page.locator('[data-testid="signup-result"][data-status="confirmed"]'));
        await page.getByTestId('signup-close').click();

        // The full shift offers the waitlist.
        await fullCard.getByTestId('shift-signup').click();
        await toContainText(page.getByTestId('signup-full-note'), '候补');
        await page.getByTestId('signup-submit').click();
        await toBeVisible(page.locator('[data-testid="signup-result"][data-status="waitlisted"]'));
        await toContainText(page.getByTestId('signup-result'), '第 1 位');
        await docScreenshot(page, 'volunteer-waitlist-phone');
        await page.getByTestId('signup-close').click();
        await toContainText(fullCard.getByTestId('shift-state'), '候补第 1 位');

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);

        // My shifts: cards on a phone; cancel the waitlist place.
        await page.getByTestId('vol-public-my-shifts').click();
        await toHavePath(page, '/app/volunteering/my-shifts');
        const waitlisted = page.locator('[data-testid="my-shift"][data-status="waitlisted"]');
        await toBeVisible(waitlisted);
        await docScreenshot(page, 'volunteer-my-shifts-phone');
        await waitlisted.getByTestId('my-shift-cancel').click();
        await page.locator('.el-message-box__btns .el-button--primary').click();
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="my-shift"][data-status="waitlisted"]').length === 0,
        );
      },
      { device: 'phone' },
    ),
  );

  test('leader checks in by hand; the volunteer checks out through the scan page; hours confirmed', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page, context) => {
      const leader = await api(suite.baseURL, LEADER);
      const volunteer = await api(suite.baseURL, VOLUNTEER);
      const project = await projectId(leader);
      const shift = await addShift(leader, project, { inDays: 3, capacity: 5 });
      await volunteer.post(`/volunteering/shifts/${shift.id}/sign-ups`, {}, { 'Idempotency-Key': 'e2e-checkin' });
      await volunteer.dispose();

      await login(page, LEADER);
      await page.goto('/app/volunteering/manage');
      await page.locator(`[data-testid="managed-shift"][data-shift-id="${shift.id}"]`).click();
      await toHavePath(page, `/app/volunteering/shifts/${shift.id}`);
      const row = page.locator('[data-testid="roster-row"][data-state="absent"]');
      await toBeVisible(row);
      const name = await row.getAttribute('data-name');

      // By hand: check in now, with the default reason (kept in the audit log).
      await page.getByTestId('roster-edit').first().click();
      await page.getByTestId('attendance-in-now').click();
      await page.getByTestId('attendance-save').click();
      await toBeVisible(page.locator(`[data-testid="roster-row"][data-state="checkedIn"][data-name="${name}"]`));

      // The QR code for check-out; its link is what the phone opens.
      await page.getByTestId('roster-show-code').click();
      await toBeVisible(page.locator('[data-testid="checkin-qr"] svg'));
      await page.getByTestId('checkin-direction-out').click();
      await toBeVisible(page.locator('[data-testid="checkin-code"][data-direction="out"]'));
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="checkin-url"]')?.getAttribute('href')?.includes('direction=out'),
      );
      await docScreenshot(page, 'volunteer-roster-qr');
      const url = new URL(await page.getByTestId('checkin-url').getAttribute('href'));

      // The volunteer's phone: not logged in, so login first, then back to the scan page.
      const phone = await context.browser().newContext({ baseURL: suite.baseURL, viewport: { width: 390, height: 844 } });
      const scan = await phone.newPage();
      await scan.goto(url.pathname + url.search);
      await toHavePath(scan, /^\/login\?redirect=\/volunteer\/scan/);
      await scan.locator('input[data-testid="login-name"]').fill(VOLUNTEER);
      await scan.locator('input[data-testid="login-password"]').fill(DEMO_PASSWORD);
      await scan.getByTestId('login-submit').click();
      await toBeVisible(scan.locator('[data-testid="scan-page"][data-state="done"]'));
      await toContainText(scan.getByTestId('scan-result'), '签退成功');
      await phone.close();

      // The roster polls and sees the check-out; the leader confirms the hours.
      await toBeVisible(page.locator(`[data-testid="roster-row"][data-state="checkedOut"][data-name="${name}"]`), {
        timeout: 15_000,
      });
      await page.getByTestId('roster-confirm').click();
      await toBeVisible(page.locator(`[data-testid="roster-row"][data-state="confirmed"][data-name="${name}"]`));
      await leader.dispose();
    }),
  );

  test('leader approves and rejects self-reported hours', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      await login(page, LEADER);
      await page.goto('/app/volunteering/approvals');
      const reports = page.getByTestId('pending-report');
      await toBeVisible(reports);
      const before = await reports.count();
      assert.ok(before >= 2, `expected the demo's two pending reports, saw ${before}`);
      await docScreenshot(page, 'volunteer-approvals');
      await reports.first().getByTestId('report-approve').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="pending-report"]').length === n,
        before - 1,
      );
      await reports.first().getByTestId('report-reject').click();
      await page.locator('input[data-testid="reject-reason"]').fill('无法核实');
      await page.getByTestId('reject-save').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="pending-report"]').length === n,
        before - 2,
      );
    }),
  );

  test('a volunteer issues and downloads a certificate (PDF)', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page, context) => {
      await login(page, VOLUNTEER);
      await page.goto('/app/volunteering/my-hours');
      // The total shows 0 until the volunteer's hours have loaded: wait for a figure that is not 0.
      await toContainText(page.getByTestId('my-hours-total'), /[1-9]/);
      await page.getByRole('tab', { name: '志愿证明' }).click();
      await page.getByTestId('certificate-issue').click();
      const link = page.getByTestId('certificate-download').first();
      await toBeVisible(link);

      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const chunks = [];
      for await (const c of await download.createReadStream()) chunks.push(c);
      assert.equal(Buffer.concat(chunks).subarray(0, 5).toString('latin1'), '%PDF-');

      const response = await context.request.get(await link.getAttribute('href'));
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^application\/pdf/);
      assert.equal((await response.body()).subarray(0, 4).toString('latin1'), '%PDF');
    }),
  );
});
