// Fixtures of cadres answers for the screens' tests.
import type { Posting } from '@/api/cadres';

/** A planned posting of 赵示例 to 风云社区团支部, 2026-03-01 to 2026-04-30, nothing logged, no action allowed. */
export function postingFixture(over: Partial<Posting> = {}): Posting {
  return {
    id: 1,
    cadre: { id: 1, name: '赵示例', title: null, employment: null, organization_id: 2, organization_name: '克拉玛依市团委' },
    host_organization_id: 3,
    host_name: '风云社区团支部',
    starts_on: '2026-03-01',
    ends_on: '2026-04-30',
    days: 61,
    tasks: 't',
    status: 'planned',
    report: null,
    reported_at: null,
    confirmed_at: null,
    log_entries: 0,
    log_minutes: 0,
    logs: [],
    cancel_reason: null,
    cancelled_at: null,
    can: { log: false, report: false, confirm: false, cancel: false },
    ...over,
  };
}
