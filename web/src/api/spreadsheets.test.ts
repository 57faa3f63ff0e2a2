import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';
import { fileNameOf } from './request';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';
import { commitImport, exportPeople, getImport, startImport } from './spreadsheets';

describe('api/spreadsheets', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().csrfToken = 'tok';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uploads the raw file with its own type and the CSRF token', async () => {
    const fetch = stubFetch(jsonResponse(202, { id: 'j1', status: 'validating' }));
    const file = new Blob(['姓名,性别\n'], { type: 'text/csv' });
    await startImport('people', 7, file);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/imports?kind=people&organization_id=7');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    const headers = new Headers(init.headers);
    expect(headers.get('Content-Type')).toBe('text/csv');
    expect(headers.get('X-CSRF-Token')).toBe('tok');
  });

  it('polls and commits a job', async () => {
    const fetch = stubFetch(jsonResponse(200, { id: 'j1' }), jsonResponse(202, { id: 'j1' }));
    await getImport('j1');
    await commitImport('j1', 'valid_only');
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/imports/j1');
    expect(JSON.parse((fetch.mock.calls[1][1] as RequestInit).body as string)).toEqual({ mode: 'valid_only' });
  });

  it('downloads an export under the server-given file name', async () => {
    stubFetch(
      new Response(new Blob(['xlsx']), {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': "attachment; filename=\"export.xlsx\"; filename*=UTF-8''%E4%BA%BA%E5%91%98.xlsx",
        },
      }),
    );
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    const file = await exportPeople(7, { scope: 'subtree' });
    expect(file.fileName).toBe('人员.xlsx');
    expect(await file.blob.text()).toBe('xlsx');
  });

  it('exports a searched list with the term in a header, not in the URL', async () => {
    const fetch = stubFetch(new Response(new Blob(['xlsx']), { status: 200 }));
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    await exportPeople(7, { scope: 'subtree', q: '13912345678' });
    expect(recordedCall(fetch).url).toBe('/api/v1/organizations/7/people/export?scope=subtree');
    expect(recordedCall(fetch).headers.get('X-Search-Query')).toBe('13912345678');
  });

  it('reads file names from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
