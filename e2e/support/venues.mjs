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
