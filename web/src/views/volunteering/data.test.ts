import { describe, expect, it } from 'vitest';
import type { LedgerEntry, MySignUp, RosterLine, Shift } from '@/api/volunteering';
import { fillMonths, figuresFromStats, monthsBack } from './figures/data';
import { formatHours, formatRange } from './format';
import { monthlyTotals, yearlyTotals, hoursToMinutes } from './hours/data';
import { activeSignUpsByShift, shiftState, sortShifts } from './projects/data';
import { periodFor } from './rankings/data';
import { refreshDelay, rosterCounts, rosterRows } from './roster/data';
import { parseScanQuery } from './scan/data';
import { myShiftRows } from './shifts/data';

const NOW = Date.parse('2026-07-01T00:00:00Z');

function shift(over: Partial<Shift> = {}): Shift {
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

describe('format', () => {
  it('shows China time and hours', () => {
    expect(formatRange('2026-07-02T01:00:00Z', '2026-07-02T04:30:00Z')).toBe('2026-07-02 09:00–12:30');
    expect(formatHours(90)).toBe('1.5');
    expect(formatHours(120)).toBe('2');
  });
});

describe('project data', () => {
  const recruiting = { status: 'recruiting' as const };
  it('tells open, full, waitlisted, started', () => {
    expect(shiftState(shift(), recruiting, undefined, NOW)).toBe('open');
    expect(shiftState(shift({ seats_left: 0 }), recruiting, undefined, NOW)).toBe('full');
    expect(shiftState(shift(), { status: 'finished' }, undefined, NOW)).toBe('closed');
    expect(shiftState(shift({ starts_at: '2026-06-30T00:00:00Z' }), recruiting, undefined, NOW)).toBe('started');
    const mine = { status: 'waitlisted', waitlist_position: 1 } as MySignUp['sign_up'];
    expect(shiftState(shift({ seats_left: 0 }), recruiting, mine, NOW)).toBe('waitlisted');
  });
  it('orders shifts ahead first and ignores cancelled sign-ups', () => {
    const a = shift({ id: 1, starts_at: '2026-06-01T00:00:00Z' });
    const b = shift({ id: 2, starts_at: '2026-07-09T00:00:00Z' });
    const c = shift({ id: 3, starts_at: '2026-07-03T00:00:00Z' });
    expect(sortShifts([a, b, c], NOW).map((s) => s.id)).toEqual([3, 2, 1]);
    const items = [
      { shift: a, sign_up: { status: 'cancelled' } },
      { shift: b, sign_up: { status: 'confirmed' } },
    ] as MySignUp[];
    expect([...activeSignUpsByShift(items).keys()]).toEqual([2]);
  });
});

describe('my shifts data', () => {
  it('allows cancelling only before the start', () => {
    const rows = myShiftRows(
      [
        { sign_up: { id: 1, status: 'confirmed' }, shift: shift(), project_id: 1, project_title: 'A', attendance: null },
        {
          sign_up: { id: 2, status: 'confirmed' },
          shift: shift({ starts_at: '2026-06-01T00:00:00Z' }),
          project_id: 1,
          project_title: 'B',
          attendance: null,
        },
      ] as unknown as MySignUp[],
      NOW,
    );
    expect(rows.map((r) => [r.signUpId, r.canCancel])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe('roster data', () => {
  const line = (id: number, status: string, attendance: Partial<RosterLine['attendance']> | null): RosterLine =>
    ({
      sign_up: { id, name: `V${id}`, status, waitlist_position: status === 'waitlisted' ? 1 : null },
      attendance,
    }) as RosterLine;
  it('derives presence, order and counts', () => {
    const rows = rosterRows([
      line(1, 'confirmed', null),
      line(2, 'confirmed', { checked_in_at: 'x', checked_out_at: null, hours_confirmed: false }),
      line(3, 'confirmed', { checked_in_at: 'x', checked_out_at: 'y', hours_confirmed: false }),
      line(4, 'waitlisted', null),
    ]);
    expect(rows.map((r) => r.state)).toEqual(['checkedIn', 'absent', 'checkedOut', 'waitlisted']);
    expect(rows.find((r) => r.signUpId === 3)?.confirmable).toBe(true);
    expect(rosterCounts(rows)).toEqual({ confirmed: 3, present: 1, checkedOut: 1, waitlisted: 1 });
  });
  it('refreshes the code before it expires', () => {
    expect(refreshDelay(new Date(NOW + 180_000).toISOString(), NOW)).toBe(150_000);
    expect(refreshDelay(new Date(NOW).toISOString(), NOW)).toBe(5000);
  });
});

describe('scan data', () => {
  it('reads the QR link', () => {
    expect(parseScanQuery({ shift: '4', direction: 'out', token: 't' })).toEqual({ shift: 4, direction: 'out', token: 't' });
    expect(parseScanQuery({ shift: '4', direction: 'sideways', token: 't' })).toBeNull();
    expect(parseScanQuery({ shift: 'x', direction: 'in', token: 't' })).toBeNull();
  });
});

describe('hours data', () => {
  it('totals by month and year', () => {
    const e = (month: string, minutes: number) => ({ month, minutes }) as LedgerEntry;
    const entries = [e('2026-05', 90), e('2026-05', -30), e('2026-06', 60), e('2025-12', 120)];
    expect(monthlyTotals(entries)).toEqual([
      { period: '2026-06', minutes: 60 },
      { period: '2026-05', minutes: 60 },
      { period: '2025-12', minutes: 120 },
    ]);
    expect(yearlyTotals(entries)).toEqual([
      { period: '2026', minutes: 120 },
      { period: '2025', minutes: 120 },
    ]);
    expect(hoursToMinutes(1.5)).toBe(90);
  });
});

describe('figures and rankings data', () => {
  it('reads volunteer counters from stats, in either form', () => {
    expect(figuresFromStats({ subtree: { members: 3 } })).toBeNull();
    expect(
      figuresFromStats({
        subtree: { 'volunteer.hours_minutes': 600, 'volunteer.volunteers': 4, 'volunteer.projects': 2 },
      }),
    ).toEqual({ hoursMinutes: 600, volunteers: 4, projects: 2 });
    expect(
      figuresFromStats({ subtree: { volunteer: { hours_minutes: 60, volunteers: 1, projects: 1 } } }),
    ).toEqual({ hoursMinutes: 60, volunteers: 1, projects: 1 });
  });
  it('fills months and computes periods', () => {
    expect(monthsBack('2026-02', 3)).toEqual({ from: '2025-12', to: '2026-02' });
    expect(
      fillMonths({ from: '2025-12', to: '2026-02', items: [{ month: '2026-01', minutes: 90, hours: 1.5 }] }),
    ).toEqual([
      { month: '2025-12', hours: 0 },
      { month: '2026-01', hours: 1.5 },
      { month: '2026-02', hours: 0 },
    ]);
    expect(periodFor('year', '2026-07')).toEqual({ from: '2026-01', to: '2026-07' });
    expect(periodFor('month', '2026-07')).toEqual({ from: '2026-07', to: '2026-07' });
  });
});
