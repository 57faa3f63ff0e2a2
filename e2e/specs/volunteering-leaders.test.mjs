// The leaders' volunteering screens (issue 17 item 2) against a real server: a leader creates
// a project and a shift on a desk; a volunteer reports 2 hours on a phone and the leader
// approves them in a batch; past shifts read 已结束. The branch secretary leads the demo teams;
// the member belongs to them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeHidden, toBeVisible, toContainText } from '../support/expect.mjs';
import { DEMO_PASSWORD, login } from '../support/flows.mjs';
import { docScreenshot } from '../support/screenshots.mjs';

const LEADER = 'branch-secretary';
const VOLUNTEER = 'member';
const TEAM = '风云社区青年志愿服务队';

/** A logged-in API client for checks behind the screens. */
async function api(baseURL, loginName) {
  const ctx = await request.newContext({ baseURL });
  const session = await ctx.post('/api/v1/session', { data: { login: loginName, password: DEMO_PASSWORD } });
  assert.equal(session.status(), 200, await session.text());
  const { csrf_token: csrf } = await session.json();
  return {
    get: async (path) => {
      const r = await ctx.get(`/api/v1${path}`);
      assert.equal(r.status(), 200, `${path}: ${await r.text()}`);
      return r.json();
    },
    /** The answer's status and body (the caller checks them). */
    post: async (path, data, headers = {}) => {
      const r = await ctx.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf, ...headers } });
      return { status: r.status(), body: await r.json().catch(() => null) };
    },
    dispose: () => ctx.dispose(),
  };
}

/** Picks a choice of an Element Plus select by its text. */
async function choose(page, selectTestid, text) {
  await page.getByTestId(selectTestid).click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click();
}

describe('volunteering leaders', () => {
  const suite = useSuite();

  test('desk: a leader creates a project of his team, publishes it, adds a shift and changes its seats', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      const title = `E2E 社区义诊 ${Date.now() % 100000}`;
      await login(page, LEADER);
      await page.goto('/app/volunteering/manage');
      await toBeVisible(page.getByTestId('managed-project').first());

      await page.getByTestId('project-new').click();
      const dialog = page.getByTestId('project-dialog');
      await toBeVisible(dialog);
      await choose(page, 'project-team_id', TEAM);
      await dialog.locator('input[data-testid="project-title"]').fill(title);
      await dialog.locator('input[data-testid="project-location"]').fill('风云社区活动室');
      await docScreenshot(page, 'volunteer-project-new');
      await page.getByTestId('project-save').click();
      await toBeHidden(dialog);

      const card = page.locator(`[data-testid="managed-project"][data-title="${title}"]`);
      await toBeVisible(card);
      await toContainText(card.getByTestId('managed-project-status'), '草稿');
      await toContainText(card, TEAM);
      await card.getByTestId('project-publish').click();
      await toContainText(card.getByTestId('managed-project-status'), '招募中');
      await toBeHidden(card.getByTestId('project-publish'));

      await card.getByTestId('shift-new').click();
      const shiftDialog = page.getByTestId('shift-dialog');
      await toBeVisible(shiftDialog);
      await shiftDialog.locator('input[data-testid="shift-starts_at"]').fill('2030-01-05T09:00');
      await shiftDialog.locator('input[data-testid="shift-ends_at"]').fill('2030-01-05T12:00');
      await shiftDialog.locator('[data-testid="shift-capacity"] input').fill('8');
      await shiftDialog.locator('input[data-testid="shift-role"]').fill('导诊');
      await page.getByTestId('shift-save').click();
      await toBeHidden(shiftDialog);
      const shift = card.getByTestId('managed-shift-row');
      await toBeVisible(shift);
      assert.equal(await shift.getAttribute('data-state'), 'open');
      await toContainText(shift, '2030-01-05 09:00–12:00');
      await toContainText(shift, '0/8');

      // More seats before it starts (the shift's can.edit).
      await shift.getByTestId('shift-edit').click();
      await toBeVisible(shiftDialog);
      await shiftDialog.locator('[data-testid="shift-capacity"] input').fill('10');
      await page.getByTestId('shift-save').click();
      await toBeHidden(shiftDialog);
      await toContainText(shift, '0/10');
      await docScreenshot(page, 'volunteer-manage');

      // The shift's roster downloads as .xlsx (a zip: "PK").
      await shift.getByTestId('managed-shift').click();
      await toBeVisible(page.getByTestId('roster'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export').click()]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const chunks = [];
      for await (const c of await download.createReadStream()) chunks.push(c);
      assert.equal(Buffer.concat(chunks).subarray(0, 2).toString('latin1'), 'PK');
    }),
  );

  test('phone: a volunteer reports 2 hours; desk: the leader approves them in a batch', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page, context) => {
        const what = `E2E 社区清扫 ${Date.now() % 100000}`;
        const volunteer = await api(suite.baseURL, VOLUNTEER);
        const before = (await volunteer.get('/volunteering/my/hours?limit=1')).total.minutes;

        await login(page, VOLUNTEER);
        await page.goto('/app/volunteering/my-hours');
        await page.getByRole('tab', { name: '自报时长' }).click();
        const form = page.getByTestId('report-form');
        await toBeVisible(form);
        await choose(page, 'report-team', TEAM);
        await form.locator('[data-testid="report-hours"] input').fill('2');
        await form.locator('textarea[data-testid="report-description"]').fill(what);
        await page.getByTestId('report-submit').click();
        await toContainText(form, '已提交，等待队长审核');
        const mine = page.getByTestId('my-report').filter({ hasText: what });
        await toBeVisible(mine);
        await toContainText(mine, '2 小时');
        await toContainText(mine, '待审核');
        await docScreenshot(page, 'volunteer-report-phone');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);

        // The leader at a desk: pick the new report and one more, approve both at once.
        const desk = await context.browser().newContext({ baseURL: suite.baseURL, viewport: { width: 1440, height: 900 } });
        try {
          const leader = await desk.newPage();
          await login(leader, LEADER);
          await leader.goto('/app/volunteering/approvals');
          const reports = leader.getByTestId('pending-report');
          const ours = reports.filter({ hasText: what });
          await toBeVisible(ours);
          await toContainText(ours.getByTestId('pending-report-hours'), '2 小时');
          const others = reports.filter({ hasNotText: what });
          const picked = (await others.count()) > 0 ? 2 : 1;
          await ours.getByTestId('report-pick').click();
          if (picked === 2) await others.first().getByTestId('report-pick').click();
          await toContainText(leader.getByTestId('batch-approve'), `（${picked}）`);
          await docScreenshot(leader, 'volunteer-approvals-batch');
          await leader.getByTestId('batch-approve').click();
          await toBeHidden(ours);
        } finally {
          await desk.close();
        }

        // Credited: our 2 hours (the other picked report may be this volunteer's too).
        const after = await volunteer.get('/volunteering/my/hours?limit=1');
        assert.ok(after.total.minutes >= before + 120, `total ${before} → ${after.total.minutes}`);
        assert.equal(after.reports.find((r) => r.description === what)?.status, 'approved');
        await volunteer.dispose();
      },
      { device: 'phone' },
    ),
  );

  test('desk: a branch secretary creates a team he leads, then renames it', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      const name = `E2E 应急志愿队 ${Date.now() % 100000}`;
      await login(page, LEADER);
      await page.goto('/app/volunteering/teams');
      await page.getByTestId('team-new').click();
      const dialog = page.getByTestId('team-dialog');
      await toBeVisible(dialog);
      await dialog.locator('input[data-testid="team-name"]').fill(name);
      await dialog.locator('input[data-testid="team-partner_name"]').fill('克拉玛依青年社工服务中心');
      await page.getByTestId('team-save').click();
      await toBeHidden(dialog);
      const row = page.locator(`[data-testid="my-team"][data-name="${name}"]`);
      await toBeVisible(row);
      const line = page.locator('tr', { has: row });
      await toContainText(line.getByTestId('team-membership'), '队长');
      await toContainText(line, '克拉玛依青年社工服务中心');

      await line.getByTestId('team-edit').click();
      await toBeVisible(dialog);
      await dialog.locator('input[data-testid="team-name"]').fill(`${name}（改）`);
      await page.getByTestId('team-save').click();
      await toBeHidden(dialog);
      await toBeVisible(page.locator(`[data-testid="my-team"][data-name="${name}（改）"]`));
    }),
  );

  test('desk: a team leader rejects an application with a reason and approves another', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(t, async (page) => {
      const leader = await api(suite.baseURL, LEADER);
      const team = (await leader.get('/volunteering/my/teams')).items.find((x) => x.name === TEAM);
      assert.ok(team, `demo team ${TEAM} not found`);
      await leader.dispose();
      // Two people apply (an account already in the team is refused; the demo has enough others).
      const applicants = [];
      for (const name of ['youth', 'cadre']) {
        const who = await api(suite.baseURL, name);
        const r = await who.post(`/volunteering/teams/${team.id}/applications`, { message: '想参加' });
        if (r.status === 201 || r.status === 200) applicants.push(r.body.name);
        await who.dispose();
      }
      assert.ok(applicants.length >= 1, 'no demo account could apply');

      await login(page, LEADER);
      await page.goto('/app/volunteering/teams');
      const row = page.locator(`[data-testid="my-team"][data-name="${TEAM}"]`);
      await toBeVisible(row);
      await page.locator('tr', { has: row }).getByTestId('team-members').click();
      const dialog = page.getByTestId('members-dialog');
      // A member's row (the table's tr) by the data on its first cell.
      const member = (status, name) => page.locator(`[data-testid="team-member"][data-status="${status}"][data-name="${name}"]`);
      const rowOf = (cell) => dialog.locator('tr', { has: cell });
      const first = member('pending', applicants[0]);
      await toBeVisible(first);
      await docScreenshot(page, 'volunteer-team-members');
      await rowOf(first).getByTestId('member-reject').click();
      // No reason, no rejection.
      await page.getByTestId('member-reject-save').click();
      await toBeVisible(page.getByTestId('member-reject-dialog').locator('.el-form-item__error'));
      await page.locator('input[data-testid="member-reject-reason"]').fill('本期名额已满');
      await page.getByTestId('member-reject-save').click();
      const rejected = member('rejected', applicants[0]);
      await toBeVisible(rejected);
      await toContainText(rowOf(rejected), '本期名额已满');
      if (applicants[1]) {
        await rowOf(member('pending', applicants[1])).getByTestId('member-approve').click();
        await toBeVisible(member('active', applicants[1]));
      }
    }),
  );

  test('desk: a shift whose hours await confirmation is listed and confirmed from the approvals page', { timeout: TEST_TIMEOUT }, async (t) =>
    suite.withPage(t, async (page) => {
      const leader = await api(suite.baseURL, LEADER);
      const volunteer = await api(suite.baseURL, VOLUNTEER);
      const { items } = await leader.get('/volunteering/projects?manage=true&limit=50');
      const project = items.find((p) => p.status === 'recruiting');
      assert.ok(project, 'no recruiting demo project');
      const start = Date.now() + 5 * 24 * 3600_000;
      const shift = await leader.post(`/volunteering/projects/${project.id}/shifts`, {
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + 3 * 3600_000).toISOString(),
        capacity: 3,
      });
      assert.equal(shift.status, 201, JSON.stringify(shift.body));
      const signUp = await volunteer.post(`/volunteering/shifts/${shift.body.id}/sign-ups`, {}, { 'Idempotency-Key': 'e2e-awaiting' });
      assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
      // The leader records the session by hand: checked in and out, hours not yet confirmed.
      const now = Date.now();
      const fix = await leader.post(`/volunteering/sign-ups/${signUp.body.id}/attendance`, {
        checked_in_at: new Date(now - 2 * 3600_000).toISOString(),
        checked_out_at: new Date(now - 60_000).toISOString(),
        reason: '现场登记',
      });
      assert.equal(fix.status, 200, JSON.stringify(fix.body));
      await leader.dispose();
      await volunteer.dispose();

      await login(page, LEADER);
      await page.goto('/app/volunteering/approvals');
      await page.getByRole('tab', { name: '待确认签到时长' }).click();
      const row = page.locator(`[data-testid="awaiting-shift"][data-shift-id="${shift.body.id}"]`);
      await toBeVisible(row);
      await toContainText(row, '1 人待确认');
      await row.getByTestId('awaiting-confirm').click();
      await toBeHidden(row);
    }),
  );

  test('phone: past shifts read 已结束, never 已报名', { timeout: TEST_TIMEOUT }, (t) =>
    suite.withPage(
      t,
      async (page) => {
        await login(page, VOLUNTEER);
        await page.goto('/app/volunteering/my-shifts');
        const past = page.locator('[data-testid="my-shift"][data-ended="true"]');
        await toBeVisible(past.first());
        const n = await past.count();
        for (let i = 0; i < n; i++) {
          const status = (await past.nth(i).getByTestId('my-shift-status').textContent()).trim();
          assert.equal(status, '已结束', `past shift ${i} says ${status}`);
        }

        // The project page: its past shifts say 已结束 and offer nothing.
        await past.first().locator('a').first().click();
        await toBeVisible(page.getByTestId('volunteer-project'));
        const ended = page.locator('[data-testid="shift-state"][data-state="ended"]');
        await toBeVisible(ended.first());
        await toContainText(ended.first(), '已结束');
        assert.equal(await page.locator('[data-testid="shift-card"]').filter({ has: ended }).getByTestId('shift-signup').count(), 0);
        await docScreenshot(page, 'volunteer-project-ended-phone');
      },
      { device: 'phone' },
    ),
  );
});
