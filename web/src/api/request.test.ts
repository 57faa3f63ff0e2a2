import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError, del, get, parseRetryAfter, post, setUnauthorizedHandler } from './request';
import { useSessionStore } from '@/stores/session';
import { setLocale } from '@/locales';
import {
  jsonResponse,
  problemResponse,
  recordedCall,
  sessionInfo,
  stubFetch,
} from '@/testing/http';

describe('request', () => {
  let onUnauthorized: Mock<() => void>;

  beforeEach(() => {
    setActivePinia(createPinia());
    onUnauthorized = vi.fn<() => void>();
    setUnauthorizedHandler(onUnauthorized);
    setLocale('zh-CN');
  });

  afterEach(() => {
    setUnauthorizedHandler(null);
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  function loggedIn(token = 'tok-123') {
    const session = useSessionStore();
    session.csrfToken = token;
    session.account = sessionInfo().account;
    return session;
  }

  it('sends GET to /api/v1 with credentials and language but without a CSRF token', async () => {
    loggedIn();
    const fetch = stubFetch(jsonResponse(200, { status: 'ok' }));
    await expect(get('/health')).resolves.toEqual({ status: 'ok' });
    const call = recordedCall(fetch);
    expect(call.url).toBe('/api/v1/health');
    expect(call.method).toBe('GET');
    expect(call.credentials).toBe('same-origin');
    expect(call.headers.get('Accept-Language')).toBe('zh-CN');
    expect(call.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('sends the CSRF token and a JSON body on POST', async () => {
    loggedIn('tok-post');
    const fetch = stubFetch(jsonResponse(201, { id: 7 }));
    await expect(post('/things', { name: 'x' })).resolves.toEqual({ id: 7 });
    const call = recordedCall(fetch);
    expect(call.method).toBe('POST');
    expect(call.headers.get('X-CSRF-Token')).toBe('tok-post');
    expect(call.headers.get('Content-Type')).toBe('application/json');
    expect(call.body).toEqual({ name: 'x' });
  });

  it('sends the CSRF token on DELETE and resolves 204 to undefined', async () => {
    loggedIn('tok-del');
    const fetch = stubFetch(jsonResponse(204, null));
    await expect(del('/things/7')).resolves.toBeUndefined();
    const call = recordedCall(fetch);
    expect(call.method).toBe('DELETE');
    expect(call.headers.get('X-CSRF-Token')).toBe('tok-del');
  });

  it('sends the current UI language', async () => {
    setLocale('en');
    const fetch = stubFetch(jsonResponse(200, {}));
    await get('/health');
    expect(recordedCall(fetch).headers.get('Accept-Language')).toBe('en');
  });

  it('encodes query parameters and skips empty ones', async () => {
    const fetch = stubFetch(jsonResponse(200, { items: [] }));
    await get('/organizations', { query: { q: '克拉玛依 团委', limit: 20, cursor: undefined } });
    expect(recordedCall(fetch).url).toBe(
      '/api/v1/organizations?q=%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D+%E5%9B%A2%E5%A7%94&limit=20',
    );
  });

  it('maps problem+json to an ApiError with field errors', async () => {
    stubFetch(
      problemResponse(422, {
        title: '输入有误',
        detail: '请检查标出的字段',
        type: 'https://tianshan.example/problems/invalid',
        errors: [
          { field: 'login', message: '登录名不能为空' },
          { field: 'password', message: '密码太短' },
          { nonsense: true },
        ],
      }),
    );
    const error = await post('/things', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.title).toBe('输入有误');
    expect(apiError.detail).toBe('请检查标出的字段');
    expect(apiError.type).toBe('https://tianshan.example/problems/invalid');
    expect(apiError.errors).toEqual([
      { field: 'login', message: '登录名不能为空' },
      { field: 'password', message: '密码太短' },
    ]);
    expect(apiError.fieldError('password')).toBe('密码太短');
    expect(apiError.fieldError('phone')).toBeUndefined();
  });

  it('reads Retry-After from a 429 problem', async () => {
    stubFetch(problemResponse(429, { title: 'Too Many Requests' }, { 'Retry-After': '42' }));
    const error = (await post('/session', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(42);
  });

  it('still yields an ApiError when the error body is not JSON', async () => {
    stubFetch(
      new Response('<html>bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const error = (await get('/health').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = (await get('/health').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetworkError).toBe(true);
  });

  it('on 401 clears the session and asks for the login page', async () => {
    const session = loggedIn();
    stubFetch(problemResponse(401, { title: '请先登录' }));
    const error = (await get('/organizations/1/children').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(session.isAuthenticated).toBe(false);
    expect(session.csrfToken).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not redirect on 401 from the session endpoint itself', async () => {
    stubFetch(problemResponse(401, { title: '登录名或密码错误' }));
    const error = (await post('/session', { login: 'x', password: 'y' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(401);
    expect(error.title).toBe('登录名或密码错误');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-05-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 May 2024 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
