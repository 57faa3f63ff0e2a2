// The leaders' data: forms send only what changed, the batch decision's failures land on their
// reports, team choices follow the server's can, my past shifts read 已结束.
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/request';
import type { MySignUp, Project, Shift } from '@/api/volunteering';
import { teamCan } from '@/testing/volunteering';
import { batchFailures, reportQueue } from './approvals/data';
import { REPORT_FIELDS, hoursToMinutes, reportTeams } from './hours/data';
import { decidingTeams, projectTeams } from './manage/data';
import { chinaLocal, projectChange, projectInput, projectModel, shiftChange, shiftInput, shiftModel, teamChange, teamInput, teamModel } from './manage/forms';
import { myShiftRows, statusText } from './shifts/data';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}:${JSON.stringify(named)}` : key);
const team = (id: number, name: string, over: Parameters<typeof teamCan>[0] = {}) => ({ id, name, can: teamCan(over) });

describe('self-report hours', () => {
  const hours = REPORT_FIELDS.find((f) => f.key === 'hours')!;
  const { min, step } = hours.attrs as { min: number; step: number };
  // The browser's step check: (value - min) must be a whole number of steps.
  const onStep = (v: number) => Number.isInteger((v - min) / step);
  it('whole and half hours pass the step check (1 h and 2 h among them)', () => {
    for (const v of [0.5, 1, 1.5, 2, 3, 8]) expect(onStep(v), `${v} h`).toBe(true);
    expect(onStep(0.25)).toBe(false);
  });
  it('sends minutes', () => {
    expect(hoursToMinutes(2)).toBe(120);
    expect(hoursToMinutes(1)).toBe(60);
  });
  it('offers the teams whose can says report_hours, by name', () => {
    const teams = [team(1, '风云志愿队', { report_hours: true }), team(2, '石油志愿队'), team(3, '社区服务队', { report_hours: true })];
    expect(reportTeams(teams)).toEqual([
      { id: 1, name: '风云志愿队' },
      { id: 3, name: '社区服务队' },
    ]);
  });
});

describe('team choices', () => {
  it('projects go to teams whose can says add_project', () => {
    expect(projectTeams([team(1, 'A', { add_project: true }), team(2, 'B', { decide_members: true })])).toEqual([{ value: 1, text: 'A' }]);
  });
  it('hour reports come from teams the caller decides and the teams of projects it manages, each once', () => {
    const projects = [
      { team_id: 1, team_name: 'A' },
      { team_id: 4, team_name: 'D' },
      { team_id: null, team_name: null },
    ];
    expect(decidingTeams([team(1, 'A', { decide_members: true }), team(2, 'B')], projects)).toEqual([
      { id: 1, name: 'A' },
      { id: 4, name: 'D' },
    ]);
  });
});

describe('batch decisions', () => {
  it("names each failing report by its place in the request", () => {
    const error = new ApiError({
      status: 422,
      title: 'Invalid',
      errors: [
        { field: 'report_ids[1]', message: '已处理' },
        { field: 'report_ids[2]', message: '无权审核' },
        { field: 'reason', message: '必填' },
      ],
    });
    const failures = batchFailures(error, [10, 11, 12]);
    expect([...failures]).toEqual([
      [11, '已处理'],
      [12, '无权审核'],
    ]);
    expect(batchFailures(new Error('network'), [10]).size).toBe(0);
  });
  it('queues pending reports oldest first', () => {
    const r = (id: number, status: string) => ({ id, status }) as never;
    expect(reportQueue([r(5, 'pending'), r(2, 'pending'), r(3, 'approved')]).map((x: { id: number }) => x.id)).toEqual([2, 5]);
  });
});

describe('leader forms', () => {
  const existingTeam = { id: 1, organization_id: 9, name: '风云志愿队', description: null, partner_name: '克拉玛依青年社工', status: 'active', created_at: '' } as const;
  it('a new team leaves empty fields out', () => {
    expect(teamInput(9, { ...teamModel(), name: ' 新队 ' })).toEqual({ organization_id: 9, name: '新队' });
    // The creator leads it when the account has a person and the box stays ticked.
    expect(teamInput(9, { ...teamModel(), name: '新队' }, 5)).toEqual({ organization_id: 9, name: '新队', leader_person_ids: [5] });
    expect(teamInput(9, { ...teamModel(), name: '新队', lead: false }, 5)).not.toHaveProperty('leader_person_ids');
  });
  it('a team change sends only what changed; a cleared partner becomes null', () => {
    const m = teamModel(existingTeam);
    expect(teamChange(existingTeam, m)).toEqual({});
    expect(teamChange(existingTeam, { ...m, partner_name: '', status: 'archived' })).toEqual({ partner_name: null, status: 'archived' });
  });
  it('a new project belongs to the chosen team, else to the organization', () => {
    const m = { ...projectModel(null, 3), title: '便民服务', location: ' 风云社区 ' };
    expect(projectInput(9, m)).toEqual({ title: '便民服务', category: 'community', visibility: 'public', team_id: 3, location: '风云社区' });
    expect(projectInput(9, { ...m, team_id: null })).toMatchObject({ organization_id: 9 });
    expect(projectInput(9, { ...m, team_id: null })).not.toHaveProperty('team_id');
  });
  it('a project change sends only what changed', () => {
    const project = { id: 2, title: 'A', category: 'community', visibility: 'public', description: 'x', brand: null, location: null, contact: null, team_id: 1 } as Project;
    expect(projectChange(project, projectModel(project))).toEqual({});
    expect(projectChange(project, { ...projectModel(project), title: 'B', contact: '0990-1' })).toEqual({ title: 'B', contact: '0990-1' });
  });
  it('shift times are China wall time both ways', () => {
    const shift = {
      id: 5,
      starts_at: '2026-07-02T01:00:00Z',
      ends_at: '2026-07-02T04:00:00Z',
      capacity: 10,
      role: '引导',
      requirements: null,
      min_age: null,
    } as Shift;
    expect(chinaLocal(shift.starts_at)).toBe('2026-07-02T09:00');
    const m = shiftModel(shift);
    expect(shiftChange(shift, m)).toEqual({});
    expect(shiftChange(shift, { ...m, capacity: 12, role: '' })).toEqual({ capacity: 12, role: null });
    expect(shiftChange(shift, { ...m, starts_at: '2026-07-02T10:00' })).toEqual({ starts_at: '2026-07-02T10:00' });
    expect(shiftInput({ ...shiftModel(), starts_at: '2026-08-01T09:00', ends_at: '2026-08-01T12:00', capacity: 3 })).toEqual({
      starts_at: '2026-08-01T09:00',
      ends_at: '2026-08-01T12:00',
      capacity: 3,
    });
  });
});

describe('my shifts', () => {
  const item = (ended: boolean, status: 'confirmed' | 'cancelled') =>
    ({
      sign_up: { id: ended ? 1 : 2, status, waitlist_position: null },
      shift: { starts_at: ended ? '2026-06-01T01:00:00Z' : '2030-06-01T01:00:00Z', ends_at: ended ? '2026-06-01T04:00:00Z' : '2030-06-01T04:00:00Z', ended },
      project_id: 1,
      project_title: 'A',
      attendance: null,
    }) as unknown as MySignUp;
  it('a finished shift says 已结束, not 已报名', () => {
    const [ahead, past] = myShiftRows([item(true, 'confirmed'), item(false, 'confirmed')], Date.parse('2026-07-01T00:00:00Z'));
    expect(statusText(ahead, t)).toBe('volunteering.signUpStatus.confirmed');
    expect(past.ended).toBe(true);
    expect(statusText(past, t)).toBe('volunteering.shiftState.ended');
    expect(past.statusTag).toBe('info');
  });
  it('a cancelled sign-up of a past shift still says cancelled', () => {
    const [row] = myShiftRows([item(true, 'cancelled')]);
    expect(statusText(row, t)).toBe('volunteering.signUpStatus.cancelled');
  });
});
