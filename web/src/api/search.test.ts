import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';
import { exportAudit, listAudit } from './audit';
import { listMyContacts } from './cadres';
import { SEARCH_ACTOR_HEADER, SEARCH_QUERY_HEADER, searchHeaders } from './search';

const emptyPage = () => jsonResponse(200, { items: [], next_cursor: null });

describe('api/search', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().csrfToken = 'tok';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('percent-encodes a trimmed term into the named header, and sends none for a blank one', () => {
    expect(searchHeaders(' 古丽 ')).toEqual({ 'X-Search-Query': '%E5%8F%A4%E4%B8%BD' });
    expect(searchHeaders('13912345678', SEARCH_ACTOR_HEADER)).toEqual({ 'X-Search-Actor': '13912345678' });
    expect(searchHeaders('a+b&c=d')).toEqual({ [SEARCH_QUERY_HEADER]: 'a%2Bb%26c%3Dd' });
    expect(searchHeaders('   ')).toBeUndefined();
    expect(searchHeaders('')).toBeUndefined();
    expect(searchHeaders(undefined)).toBeUndefined();
  });

  it("sends a cadre's contact search in a header, never in the URL (it is a young person's name)", async () => {
    const fetch = stubFetch(emptyPage(), emptyPage());
    await listMyContacts({ q: ' 艾力 ', status: 'active', limit: 50 });
    await listMyContacts({ q: '', status: 'all' });
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/cadres/me/contacts?status=active&limit=50');
    expect(decodeURIComponent(recordedCall(fetch, 0).headers.get('X-Search-Query') ?? '')).toBe('艾力');
    expect(recordedCall(fetch, 0).headers.get('X-Search-Query')).toMatch(/^[\x21-\x7e]+$/);
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/cadres/me/contacts?status=all');
    expect(recordedCall(fetch, 1).headers.has('X-Search-Query')).toBe(false);
  });

  it("sends the audit log's who in a header, never in the URL (it may be a phone number), for the list and the export", async () => {
    const fetch = stubFetch(emptyPage(), emptyPage(), new Response(new Blob(['xlsx']), { status: 200 }));
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    await listAudit({ organization_id: 9, actor: '13912345678', action: 'person.update', limit: 50 });
    await listAudit({ organization_id: 9, actor: undefined });
    await exportAudit({ organization_id: 9, actor: 'karamay-admin', since: '2026-05-01' });
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/audit?organization_id=9&action=person.update&limit=50');
    expect(recordedCall(fetch, 0).headers.get('X-Search-Actor')).toBe('13912345678');
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/audit?organization_id=9');
    expect(recordedCall(fetch, 1).headers.has('X-Search-Actor')).toBe(false);
    expect(recordedCall(fetch, 2).url).toBe('/api/v1/audit/export?organization_id=9&since=2026-05-01');
    expect(recordedCall(fetch, 2).headers.get('X-Search-Actor')).toBe('karamay-admin');
  });
});
