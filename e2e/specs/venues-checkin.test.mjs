// Venues for their managers and check-in, against a real server with the demo data. A manager
// adds a room and a closure day on the venue's screen, and a booking on that day is refused.
// Check-in at the venue by QR code: the booker opens
// the check-in code of an approved booking on a phone; the venue's manager opens the code's link
// (the venue's check-in page with the token) and checks the booking in; a second scan of the
// same code is refused. The venue is made through the API, open all day, and the booking starts
// within the hour whatever the time of day (checkInSlot: after midnight when run late at night).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { api, chinaDate, checkInSlot } from '../support/venues.mjs';

describe('venue check-in', () => {
  const suite = useSuite();

  test('a manager adds a room and a closure day; a booking that day is refused', { timeout: TEST_TIMEOUT }, async (t) => {
    const stamp = Date.now();
    const admin = await api(suite.baseURL, 'karamay-admin');
    const { items } = await admin.get(`/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
    const org = items[0].id;
    const venueName = `e2e 闭馆测试 ${stamp}`;
    const hours = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '09:00', closes: '21:00' }));
    const venue = await admin.post(`/organizations/${org}/venues`, { name: venueName, kind: 'youth_home', address: '准噶尔路 2 号', requires_approval: false, opening_hours: hours });
    await admin.ctx.dispose();
    const closed = chinaDate(3);
    await suite.withPage(t, async (page) => {
      await login(page, 'karamay-admin');
      await page.goto(`/app/organizations/${org}/venues`);
      await page.locator('input[data-testid="venues-search"]').fill(venueName);
      await page.locator('tr', { hasText: venueName }).getByTestId('venues-manage').click();
      await toHavePath(page, new RegExp(`^/app/venues/${venue.id}/manage$`));
      await page.getByTestId('room-add').click();
      await page.locator('input[data-testid="room-field-name"]').fill('培训室');
      await page.locator('[data-testid="room-field-capacity"]').locator('xpath=descendant-or-self::input').first().fill('24');
      await page.locator('input[data-testid="room-field-equipment"]').fill('投影仪、白板');
      await page.getByTestId('room-form-submit').click();
      await toContainText(page.getByTestId('rooms-list'), '培训室');
      await toContainText(page.getByTestId('rooms-list'), '24');
      // A closure day; first a malformed date, shown on its row, then the right one.
      await page.getByTestId('exception-add').click();
      await page.locator('input[data-testid="exception-date"]').fill('2026-13-40');
      await page.locator('input[data-testid="exception-note"]').fill('设备检修');
      await page.getByTestId('venue-hours-save').click();
      await toBeVisible(page.getByTestId('exception-row').locator('.el-form-item__error'));
      await page.locator('input[data-testid="exception-date"]').fill(closed);
      await page.getByTestId('venue-hours-save').click();
      await toContainText(page.locator('.el-message'), '开放时间已保存');
    });
    const youth = await api(suite.baseURL, 'youth');
    const saved = await youth.get(`/venues/${venue.id}`);
    assert.deepEqual(saved.exceptions, [{ date: closed, opens: null, closes: null, note: '设备检修' }]);
    const room = saved.rooms.find((r) => r.name === '培训室');
    assert.equal(room.capacity, 24);
    const r = await youth.ctx.post(`/api/v1/rooms/${room.id}/bookings`, {
      data: { starts_at: `${closed}T10:00`, ends_at: `${closed}T11:00`, purpose: '读书会', attendees: 4 },
      headers: youth.headers,
    });
    assert.equal(r.status(), 422);
    assert.equal((await r.json()).errors[0].field, 'starts_at');
    await youth.ctx.dispose();
  });

  test('phone: the booker shows the code; the manager checks the booking in once', { timeout: TEST_TIMEOUT }, async (t) => {
    const stamp = Date.now();
    const purpose = `e2e 签到 ${stamp}`;
    const admin = await api(suite.baseURL, 'karamay-admin');
    const { items } = await admin.get(`/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
    const hours = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
    const venue = await admin.post(`/organizations/${items[0].id}/venues`, {
      name: `e2e 签到空间 ${stamp}`,
      kind: 'youth_space',
      address: '准噶尔路 1 号',
      requires_approval: false,
      opening_hours: hours,
    });
    const room = await admin.post(`/venues/${venue.id}/rooms`, { name: '活动室', capacity: 20 });
    await admin.ctx.dispose();
    const youth = await api(suite.baseURL, 'youth');
    const slot = checkInSlot(Date.now());
    const booking = await youth.post(`/rooms/${room.id}/bookings`, {
      starts_at: slot.starts,
      ends_at: slot.ends,
      purpose,
      attendees: 6,
    });
    assert.equal(booking.status, 'approved');
    await youth.ctx.dispose();

    let link = '';
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'youth');
        await page.goto('/app/venues/my-bookings');
        const card = page.getByTestId('my-booking-card').filter({ hasText: purpose });
        await card.getByTestId('my-booking-code').click();
        const qr = page.getByTestId('booking-code-qr');
        await toBeVisible(qr.locator('svg'));
        link = await qr.getAttribute('data-url');
        assert.match(link, new RegExp(`/app/venues/${venue.id}/check-in\\?token=`));
      },
      { device: 'phone' },
    );

    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'karamay-admin');
        await page.goto(new URL(link).pathname + new URL(link).search);
        await toHavePath(page, new RegExp(`^/app/venues/${venue.id}/check-in\\?token=`));
        await page.getByTestId('checkin-submit').click();
        await toContainText(page.getByTestId('checkin-booking'), purpose);
        // The same code again, typed as a scanner types the link: refused, and said why.
        await page.locator('input[data-testid="checkin-token"]').fill(link);
        await page.getByTestId('checkin-submit').click();
        await toContainText(page.getByTestId('venue-checkin-page'), '该预约已签到');
      },
      { device: 'phone' },
    );

    const check = await api(suite.baseURL, 'youth');
    const mine = await check.get('/my/bookings');
    const mineNow = mine.items.find((b) => b.id === booking.id);
    assert.ok(mineNow.checked_in_at, 'the booking is checked in');
    assert.equal(mineNow.can.show_code, false);
    await check.ctx.dispose();
  });
});
