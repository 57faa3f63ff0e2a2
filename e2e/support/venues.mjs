// Shared by the venues specs: an API session of a demo account and China-time dates.
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { DEMO_PASSWORD } from './flows.mjs';

/** A signed-in API context of `who` (a demo login): get, and post that asserts a 2xx. */
export async function api(baseURL, who) {
  const ctx = await request.newContext({ baseURL });
  const s = await ctx.post('/api/v1/session', { data: { login: who, password: DEMO_PASSWORD } });
  assert.equal(s.status(), 200);
  const headers = { 'X-CSRF-Token': (await s.json()).csrf_token };
  return {
    ctx,
    headers,
    get: async (path) => (await ctx.get(`/api/v1${path}`)).json(),
    post: async (path, data) => {
      const r = await ctx.post(`/api/v1${path}`, { data, headers });
      assert.ok(r.status() < 300, `${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
  };
}

/** The China date `days` from today. */
export function chinaDate(days) {
  return new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000).toISOString().slice(0, 10);
}

/** China-time "YYYY-MM-DDTHH:MM" `minutes` after `now`, on a 5-minute step. */
function chinaIn(minutes, now) {
  const t = Math.ceil((now + minutes * 60_000) / 300_000) * 300_000;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16);
}

/**
 * A half-hour booking that starts within the next hour and lies inside one China day (a
 * booking is inside one opening window, and the venue opens 00:00–24:00): 5–10 minutes from
 * `now`, or, in the last 40 minutes of a China day, the first half hour after midnight (check-in
 * opens an hour before a booking starts, so it can be checked in now either way).
 */
export function checkInSlot(now) {
  const starts = chinaIn(5, now);
  const ends = chinaIn(35, now);
  if (starts.slice(0, 10) === ends.slice(0, 10)) return { starts, ends };
  const day = ends.slice(0, 10);
  return { starts: `${day}T00:00`, ends: `${day}T00:30` };
}
