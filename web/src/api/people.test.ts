import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';
import { ApiError } from './request';
import { jsonResponse, problemResponse, recordedCall, stubFetch } from '@/testing/http';
import { acceptTransfer, cancelTransfer, createPerson, listPeople, listTransfers, rejectTransfer, startTransfer } from './people';

describe('api/people', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().csrfToken = 'tok';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists people with scope, kind and cursor, leaving out an empty search', async () => {
    const fetch = stubFetch(jsonResponse(200, { items: [], next_cursor: null }));
    await listPeople(7, { scope: 'subtree', kind: 'member', q: '', limit: 50, cursor: 'abc' });
    expect(recordedCall(fetch).url).toBe('/api/v1/organizations/7/people?scope=subtree&kind=member&limit=50&cursor=abc');
    expect(recordedCall(fetch).headers.has('X-Search-Query')).toBe(false);
  });

  it('sends the search term in a header, never in the URL (it may be an identity number)', async () => {
    const fetch = stubFetch(
      jsonResponse(200, { items: [], next_cursor: null }),
      jsonResponse(200, { items: [], next_cursor: null }),
    );
    await listPeople(7, { scope: 'subtree', q: ' 65020319910101103X ' });
    await listPeople(7, { q: '古丽 测试' });
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/organizations/7/people?scope=subtree');
    expect(recordedCall(fetch, 0).headers.get('X-Search-Query')).toBe('65020319910101103X');
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/organizations/7/people');
    expect(decodeURIComponent(recordedCall(fetch, 1).headers.get('X-Search-Query') ?? '')).toBe('古丽 测试');
    expect(recordedCall(fetch, 1).headers.get('X-Search-Query')).toMatch(/^[\x21-\x7e]+$/);
  });

  it('turns a 422 into field errors', async () => {
    stubFetch(
      problemResponse(422, {
        title: 'Invalid',
        errors: [{ field: 'identity_number', message: '身份证号码校验位不正确' }],
      }),
    );
    const error = await createPerson({ name: '张三', birth_date: '2000-01-02' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldError('identity_number')).toBe('身份证号码校验位不正确');
  });

  it('drives a transfer through its routes', async () => {
    const fetch = stubFetch(
      jsonResponse(201, { id: 4 }),
      jsonResponse(200, { id: 4 }),
      jsonResponse(200, { id: 4 }),
      jsonResponse(200, { id: 4 }),
      jsonResponse(200, { items: [], next_cursor: null }),
    );
    await startTransfer({ person_id: 3, to_organization_id: 9, note: 'n' });
    await acceptTransfer(4, 12);
    await rejectTransfer(4, '材料不全');
    await cancelTransfer(4);
    await listTransfers(9, { direction: 'incoming', status: 'pending' });
    expect(recordedCall(fetch, 0).body).toEqual({ person_id: 3, to_organization_id: 9, note: 'n' });
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/transfers/4/accept');
    expect(recordedCall(fetch, 1).body).toEqual({ branch_id: 12 });
    expect(recordedCall(fetch, 2).body).toEqual({ reason: '材料不全' });
    expect(recordedCall(fetch, 3).url).toBe('/api/v1/transfers/4/cancel');
    expect(recordedCall(fetch, 4).url).toBe('/api/v1/organizations/9/transfers?direction=incoming&status=pending');
  });
});
