import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from './index';
import { safeRedirect } from './guard';
import { jsonResponse, problemResponse, sessionInfo, stubFetch } from '@/testing/http';

// The guard is under test, not the screens: keep the lazy route components trivial.
vi.mock('@/layouts/AppLayout.vue', () => ({ default: { render: () => null } }));
vi.mock('@/views/home/index.vue', () => ({ default: { render: () => null } }));
vi.mock('@/views/front/index.vue', () => ({ default: { render: () => null } }));
vi.mock('@/views/session/login.vue', () => ({ default: { render: () => null } }));

describe('route guard', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('sends a visitor from /app to /login and remembers where they were going', async () => {
    stubFetch(problemResponse(401, { title: '未登录' }));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/app');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/app');
  });

  it('lets a visitor see the front page', async () => {
    stubFetch(problemResponse(401, { title: '未登录' }));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('front');
  });

  it('lets a logged-in user into /app and past /login', async () => {
    document.cookie = 'tianshan_signed_in=1; Path=/';
    const fetch = stubFetch(jsonResponse(200, sessionInfo()));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/app');
    expect(router.currentRoute.value.name).toBe('home');
    await router.push('/login');
    expect(router.currentRoute.value.name).toBe('home');
    expect(fetch).toHaveBeenCalledTimes(1);
    document.cookie = 'tianshan_signed_in=; Path=/; Max-Age=0';
  });
});

describe('safeRedirect', () => {
  it('follows only same-origin paths', () => {
    expect(safeRedirect('/app/people?x=1')).toBe('/app/people?x=1');
    expect(safeRedirect('//evil.example/app')).toBe('/app');
    expect(safeRedirect('/\\evil.example')).toBe('/app');
    expect(safeRedirect('https://evil.example')).toBe('/app');
    expect(safeRedirect(undefined)).toBe('/app');
    expect(safeRedirect(['/app/x', '/y'])).toBe('/app/x');
  });
});
