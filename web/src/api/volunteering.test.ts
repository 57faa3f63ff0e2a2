import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, problemResponse, recordedCall, stubFetch } from '@/testing/http';
import { ApiError } from './request';
import {
  certificatePdfUrl,
  checkInWithToken,
  confirmHours,
  decideHourReport,
  listProjects,
  rankVolunteers,
  signUp,
} from './volunteering';

describe('api/volunteering', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().csrfToken = 'csrf-1';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('signs up with the Idempotency-Key and the CSRF token', async () => {
    const fetch = stubFetch(jsonResponse(201, { id: 5, status: 'waitlisted', waitlist_position: 2 }));
    const r = await signUp(12, 'key-1');
    expect(r.status).toBe('waitlisted');
    const call = recordedCall(fetch);
    expect(call.url).toBe('/api/v1/volunteering/shifts/12/sign-ups');
    expect(call.method).toBe('POST');
    expect(call.headers.get('Idempotency-Key')).toBe('key-1');
    expect(call.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(call.body).toEqual({});
  });

  it('sends a guardian consent when given', async () => {
    const fetch = stubFetch(jsonResponse(201, { id: 5, status: 'confirmed' }));
    await signUp(3, 'k', { guardian_name: '王芳', relation: '母亲', agreed: true });
    expect(recordedCall(fetch).body).toEqual({
      guardian_consent: { guardian_name: '王芳', relation: '母亲', agreed: true },
    });
  });

  it('passes problems through as ApiError', async () => {
    stubFetch(problemResponse(409, { title: 'Conflict', detail: '班次时间冲突' }));
    await expect(signUp(1, 'k')).rejects.toMatchObject({ status: 409, detail: '班次时间冲突' });
    stubFetch(problemResponse(422, { title: 'x', errors: [{ field: 'guardian_consent', message: 'm' }] }));
    const error = await signUp(1, 'k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldError('guardian_consent')).toBe('m');
  });

  it('posts a scanned token to check-in or check-out', async () => {
    const fetch = stubFetch(
      jsonResponse(200, { attendance: null, changed: true }),
      jsonResponse(200, { attendance: null, changed: true }),
    );
    await checkInWithToken(7, 'in', 'tok');
    await checkInWithToken(7, 'out', 'tok2');
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/volunteering/shifts/7/check-in');
    expect(recordedCall(fetch, 0).body).toEqual({ token: 'tok' });
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/volunteering/shifts/7/check-out');
  });

  it('builds list queries without empty fields', async () => {
    const fetch = stubFetch(
      jsonResponse(200, { items: [], next_cursor: null }),
      jsonResponse(200, { from: '2026-01', to: '2026-03', items: [], next_cursor: null }),
    );
    await listProjects({ manage: true, limit: 50 });
    await rankVolunteers(4, { from: '2026-01', to: '2026-03' });
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/volunteering/projects?manage=true&limit=50');
    expect(recordedCall(fetch, 1).url).toBe(
      '/api/v1/volunteering/rankings/volunteers?organization_id=4&from=2026-01&to=2026-03&limit=20',
    );
  });

  it('confirms chosen sessions and decides reports', async () => {
    const fetch = stubFetch(jsonResponse(200, { items: [] }), jsonResponse(200, { id: 9 }));
    await confirmHours(3, [1, 2]);
    await decideHourReport(9, 'reject', '重复');
    expect(recordedCall(fetch, 0).body).toEqual({ sign_up_ids: [1, 2] });
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/volunteering/hours/reports/9/decision');
    expect(recordedCall(fetch, 1).body).toEqual({ decision: 'reject', reason: '重复' });
  });

  it('links the certificate PDF', () => {
    expect(certificatePdfUrl(4)).toBe('/api/v1/volunteering/certificates/4/pdf');
  });
});
