import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';
import { jsonResponse, recordedCall, stubFetch } from '@/testing/http';
import {
  archiveOrganization,
  createOrganization,
  listChildren,
  listCoverageUnits,
  listSubtree,
  moveOrganization,
  searchOrganizations,
  updateCoverageUnit,
} from './organizations';

describe('api/organizations', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().csrfToken = 'tok';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('pages children by cursor and skips empty query values', async () => {
    const fetch = stubFetch(jsonResponse(200, { items: [], next_cursor: null }));
    await listChildren(7, { limit: 100, cursor: null, status: 'active' });
    expect(recordedCall(fetch).url).toBe('/api/v1/organizations/7/children?limit=100&status=active');
  });

  it('searches within grants and filters the subtree', async () => {
    const fetch = stubFetch(
      jsonResponse(200, { items: [], next_cursor: null }),
      jsonResponse(200, { items: [], next_cursor: 'c2' }),
    );
    await searchOrganizations('天山', { limit: 20 });
    await listSubtree(3, { kind: 'branch', cursor: 'c1' });
    expect(decodeURIComponent(recordedCall(fetch, 0).url)).toBe('/api/v1/organizations/search?limit=20&q=天山');
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/organizations/3/subtree?kind=branch&cursor=c1');
  });

  it('creates, moves and archives with the CSRF token', async () => {
    const fetch = stubFetch(
      jsonResponse(201, { id: 9 }),
      jsonResponse(200, { id: 9 }),
      jsonResponse(200, { id: 9 }),
    );
    await createOrganization({ parent_id: 3, name: 'x', kind: 'branch', setting: 'community' });
    await moveOrganization(9, 4);
    await archiveOrganization(9);
    expect(recordedCall(fetch, 0).body).toEqual({ parent_id: 3, name: 'x', kind: 'branch', setting: 'community' });
    expect(recordedCall(fetch, 0).headers.get('X-CSRF-Token')).toBe('tok');
    expect(recordedCall(fetch, 1).url).toBe('/api/v1/organizations/9/move');
    expect(recordedCall(fetch, 1).body).toEqual({ new_parent_id: 4 });
    expect(recordedCall(fetch, 2).url).toBe('/api/v1/organizations/9/archive');
  });

  it('filters coverage units and unlinks with null', async () => {
    const fetch = stubFetch(jsonResponse(200, { items: [], next_cursor: null }), jsonResponse(200, { id: 2 }));
    await listCoverageUnits(5, { covered: 'false' });
    await updateCoverageUnit(2, { covered_by_organization_id: null });
    expect(recordedCall(fetch, 0).url).toBe('/api/v1/organizations/5/coverage-units?covered=false');
    expect(recordedCall(fetch, 1).method).toBe('PATCH');
    expect(recordedCall(fetch, 1).body).toEqual({ covered_by_organization_id: null });
  });
});
