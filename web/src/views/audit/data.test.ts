import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/api/audit';
import { auditQuery, changeSummary, emptyAuditFilters } from './data';

const entry = (before: unknown, after: unknown): AuditEntry => ({
  id: 1,
  at: '2026-05-28T01:00:00.000Z',
  actor_account_id: 3,
  actor_name: '克拉玛依市团委管理员',
  action: 'organization.update',
  entity_type: 'organization',
  entity_id: '9',
  organization_path: '/1/9/',
  before,
  after,
});

describe('audit screen data', () => {
  it('leaves blank filters out of the query and sends dates as since/until', () => {
    expect(auditQuery(9, emptyAuditFilters())).toEqual({
      organization_id: 9, actor: undefined, entity_type: undefined, action: undefined, since: undefined, until: undefined,
    });
    expect(auditQuery(9, { actor: ' karamay-admin ', entity_type: '', action: 'person.update', dates: ['2026-05-01', '2026-05-31'] })).toMatchObject({
      actor: 'karamay-admin', action: 'person.update', since: '2026-05-01', until: '2026-05-31',
    });
  });

  it('summarises only what changed', () => {
    expect(changeSummary(entry({ name: 'a', short_name: '克拉玛依' }, { name: 'a', short_name: '克市团委' }))).toBe('short_name: 克拉玛依 → 克市团委');
    expect(changeSummary(entry(null, { name: '风云' }))).toBe('name: 风云');
    expect(changeSummary(entry(null, null))).toBe('');
    expect(changeSummary(entry(null, { note: 'x'.repeat(300) }), 20)).toHaveLength(20);
  });
});
