import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setUnauthorizedHandler } from '@/api/request';
import { hasSignedInHint, useSessionStore } from './session';
import {
  jsonResponse,
  problemResponse,
  recordedCall,
  sessionInfo,
  stubFetch,
} from '@/testing/http';

const twoOrganizations = sessionInfo({
  grants: [
    { organization_id: 1, organization_name: '新疆维吾尔自治区团委', organization_path: '/1/', role: 'committee_admin' },
    { organization_id: 5, organization_name: '克拉玛依市团委', organization_path: '/1/5/', role: 'committee_admin' },
    { organization_id: 5, organization_name: '克拉玛依市团委', organization_path: '/1/5/', role: 'cadre' },
  ],
});

describe('session store', () => {
  const onUnauthorized = vi.fn();

  beforeEach(() => {
    document.cookie = 'tianshan_signed_in=1; Path=/';
    setActivePinia(createPinia());
    onUnauthorized.mockReset();
    setUnauthorizedHandler(onUnauthorized);
  });

  afterEach(() => {
    document.cookie = 'tianshan_signed_in=; Path=/; Max-Age=0';
    setUnauthorizedHandler(null);
    vi.unstubAllGlobals();
  });

  it('asks the server once even when several navigations wait for it', async () => {
    const fetch = stubFetch(jsonResponse(200, twoOrganizations));
    const session = useSessionStore();
    await Promise.all([session.ensureLoaded(), session.ensureLoaded()]);
    await session.ensureLoaded();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(recordedCall(fetch).url).toBe('/api/v1/session');
    expect(session.loaded).toBe(true);
    expect(session.isAuthenticated).toBe(true);
    expect(session.account?.login).toBe('region-admin');
    expect(session.csrfToken).toBe('csrf-token-1');
  });

  it('lists each granted organization once and selects the first', async () => {
    stubFetch(jsonResponse(200, twoOrganizations));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.organizations).toEqual([
      { id: 1, name: '新疆维吾尔自治区团委' },
      { id: 5, name: '克拉玛依市团委' },
    ]);
    expect(session.currentOrganization?.id).toBe(1);
    session.selectOrganization(5);
    expect(session.currentOrganization?.name).toBe('克拉玛依市团委');
    session.selectOrganization(99); // not granted: ignored
    expect(session.currentOrganization?.id).toBe(5);
  });

  it('treats 401 as a visitor without redirecting, and forgets the signed-in hint', async () => {
    stubFetch(problemResponse(401, { title: '未登录' }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.loaded).toBe(true);
    expect(session.isAuthenticated).toBe(false);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(hasSignedInHint()).toBe(false);
  });

  it('does not ask for a session a browser that never logged in cannot have', async () => {
    document.cookie = 'tianshan_signed_in=; Path=/; Max-Age=0';
    const fetch = stubFetch(jsonResponse(200, sessionInfo()));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(fetch).not.toHaveBeenCalled();
    expect(session.loaded).toBe(true);
    expect(session.isAuthenticated).toBe(false);
  });

  it('asks again later when the server could not be reached', async () => {
    const fetch = stubFetch(new TypeError('Failed to fetch'), jsonResponse(200, sessionInfo()));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.loaded).toBe(false);
    await session.ensureLoaded();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(session.isAuthenticated).toBe(true);
  });

  it('logs in, then logs out with the CSRF token it received', async () => {
    const fetch = stubFetch(
      jsonResponse(200, sessionInfo({ csrf_token: 'fresh-token' })),
      jsonResponse(204, null),
    );
    const session = useSessionStore();
    await session.login({ login: 'region-admin', password: 'tianshan-demo' });
    const login = recordedCall(fetch, 0);
    expect(login.method).toBe('POST');
    expect(login.url).toBe('/api/v1/session');
    expect(login.body).toEqual({ login: 'region-admin', password: 'tianshan-demo' });
    expect(session.isAuthenticated).toBe(true);
    expect(session.loaded).toBe(true);

    await session.logout();
    const logout = recordedCall(fetch, 1);
    expect(logout.method).toBe('DELETE');
    expect(logout.headers.get('X-CSRF-Token')).toBe('fresh-token');
    expect(session.isAuthenticated).toBe(false);
    expect(session.grants).toEqual([]);
    expect(session.csrfToken).toBeNull();
  });

  it('keeps the session when logging out fails on the server', async () => {
    stubFetch(jsonResponse(200, sessionInfo()), problemResponse(500, { title: '服务器错误' }));
    const session = useSessionStore();
    await session.login({ login: 'region-admin', password: 'tianshan-demo' });
    await expect(session.logout()).rejects.toMatchObject({ status: 500 });
    expect(session.isAuthenticated).toBe(true);
  });

  it('counts an already expired session as logged out', async () => {
    stubFetch(jsonResponse(200, sessionInfo()), problemResponse(401, { title: '未登录' }));
    const session = useSessionStore();
    await session.login({ login: 'region-admin', password: 'tianshan-demo' });
    await session.logout();
    expect(session.isAuthenticated).toBe(false);
  });

  it('stays logged out when the password is wrong', async () => {
    stubFetch(problemResponse(401, { title: '登录名或密码错误' }));
    const session = useSessionStore();
    await expect(session.login({ login: 'region-admin', password: 'nope' })).rejects.toMatchObject({
      status: 401,
    });
    expect(session.isAuthenticated).toBe(false);
  });
});
