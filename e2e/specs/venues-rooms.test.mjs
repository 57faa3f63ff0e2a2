// Editing and removing a venue's rooms on a phone, against a real server with the demo data. A
// manager renames a room and gives it more seats; a room with an upcoming booking is not
// removed and the screen says which booking keeps it; once that booking is cancelled the room is
// removed, and the public venue no longer lists it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, TEST_TIMEOUT } from '../support/suite.mjs';
import { toBeVisible, toContainText, toHavePath } from '../support/expect.mjs';
import { login } from '../support/flows.mjs';
import { api, chinaDate } from '../support/venues.mjs';

describe('venue rooms', () => {
  const suite = useSuite();

  test('phone: a manager edits a room, is told which booking keeps it, then removes it', { timeout: TEST_TIMEOUT }, async (t) => {
    const stamp = Date.now();
    const admin = await api(suite.baseURL, 'karamay-admin');
    const { items } = await admin.get(`/organizations/directory?q=${encodeURIComponent('克拉玛依市团委')}`);
    const hours = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '09:00', closes: '21:00' }));
    const venue = await admin.post(`/organizations/${items[0].id}/venues`, {
      name: `e2e 房间管理 ${stamp}`,
      kind: 'youth_home',
      address: '准噶尔路 3 号',
      requires_approval: false,
      opening_hours: hours,
    });
    const room = await admin.post(`/venues/${venue.id}/rooms`, { name: '小会议室', capacity: 8 });
    const youth = await api(suite.baseURL, 'youth');
    const booking = await youth.post(`/rooms/${room.id}/bookings`, {
      starts_at: `${chinaDate(2)}T10:00`,
      ends_at: `${chinaDate(2)}T11:00`,
      purpose: '读书会',
      attendees: 6,
    });
    await youth.ctx.dispose();

    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'karamay-admin');
        await page.goto(`/app/venues/${venue.id}/manage`);
        await toHavePath(page, new RegExp(`^/app/venues/${venue.id}/manage$`));
        const item = page.getByTestId('room-item').filter({ hasText: '小会议室' });
        await item.getByTestId('room-edit').click();
        const dialog = page.getByTestId('room-edit-form');
        await toBeVisible(dialog);
        // Fewer seats than the booking's six people: the server's message beside the field.
        await dialog.locator('input[data-testid="room-field-name"]').fill('多功能会议室');
        const seats = dialog.locator('[data-testid="room-field-capacity"]').locator('xpath=descendant-or-self::input').first();
        await seats.fill('4');
        await page.getByTestId('room-edit-form-submit').click();
        await toContainText(dialog.locator('.el-form-item__error'), '6');
        await seats.fill('16');
        await dialog.locator('input[data-testid="room-field-equipment"]').fill('投影仪');
        await page.getByTestId('room-edit-form-submit').click();
        const renamed = page.getByTestId('room-item').filter({ hasText: '多功能会议室' });
        await toContainText(renamed, '16');
        await toContainText(renamed, '投影仪');

        // The upcoming booking keeps the room; the screen names it.
        await renamed.getByTestId('room-remove').click();
        await page.locator('.el-message-box').getByRole('button', { name: '移除' }).click();
        await toContainText(page.getByTestId('venue-manage-error'), `#${booking.id}`);
        await toBeVisible(renamed);
      },
      { device: 'phone' },
    );

    await admin.post(`/bookings/${booking.id}/cancel`);
    await suite.withPage(
      t,
      async (page) => {
        await login(page, 'karamay-admin');
        await page.goto(`/app/venues/${venue.id}/manage`);
        const item = page.getByTestId('room-item').filter({ hasText: '多功能会议室' });
        await item.getByTestId('room-remove').click();
        await page.locator('.el-message-box').getByRole('button', { name: '移除' }).click();
        await toContainText(page.locator('.el-message'), '已移除房间');
        await toContainText(page.getByTestId('venue-manage-page'), '还没有房间');
      },
      { device: 'phone' },
    );
    const after = await admin.get(`/venues/${venue.id}`);
    assert.deepEqual(after.rooms, [], 'the public venue no longer lists it');
    await admin.ctx.dispose();
  });
});
