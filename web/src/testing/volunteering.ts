// Fixtures of volunteering answers for the screens' tests.
import type { Shift, TeamView } from '@/api/volunteering';

/** An open shift on 2026-07-02, 09:00–12:00 China time, two seats. */
export function shiftFixture(over: Partial<Shift> = {}): Shift {
  return {
    id: 1,
    project_id: 1,
    starts_at: '2026-07-02T01:00:00Z',
    ends_at: '2026-07-02T04:00:00Z',
    capacity: 2,
    confirmed: 0,
    waitlisted: 0,
    seats_left: 2,
    role: null,
    requirements: null,
    min_age: null,
    status: 'open',
    state: 'open',
    ended: false,
    ...over,
  };
}

/** A team's `can` with nothing allowed but what is given. */
export function teamCan(over: Partial<TeamView['can']> = {}): TeamView['can'] {
  return { edit: false, join: false, decide_members: false, add_leader: false, add_project: false, report_hours: false, ...over };
}
