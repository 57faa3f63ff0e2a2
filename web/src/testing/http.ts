// Test helpers: canned server responses and a fetch stub that records calls.
import { vi, type Mock } from 'vitest';
import type { SessionInfo } from '@/api/session';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problemResponse(
  status: number,
  problem: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...problem }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** Replaces global fetch; each call takes the next response in order. */
export function stubFetch(...responses: Array<Response | Error>): Mock {
  const fn = vi.fn();
  for (const r of responses) {
    if (r instanceof Error) fn.mockRejectedValueOnce(r);
    else fn.mockResolvedValueOnce(r);
  }
  fn.mockRejectedValue(new Error('unexpected fetch call'));
  vi.stubGlobal('fetch', fn);
  return fn;
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export function recordedCall(fn: Mock, index = 0): RecordedCall {
  const [url, init] = fn.mock.calls[index] as [string, RequestInit];
  return {
    url,
    method: init.method ?? 'GET',
    headers: new Headers(init.headers),
    body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    credentials: init.credentials,
  };
}

export function sessionInfo(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    account: { id: 1, login: 'region-admin', display_name: '自治区团委管理员' },
    person: null,
    grants: [
      { organization_id: 1, organization_name: '新疆维吾尔自治区团委', organization_path: '/1/', role: 'committee_admin' },
    ],
    csrf_token: 'csrf-token-1',
    ...overrides,
  };
}
